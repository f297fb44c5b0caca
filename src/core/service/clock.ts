import { Temporal } from '../../shared/time.ts'

/** An audit/row timestamp: the UTC instant, ISO 8601. */
export function timestamp(ms: number): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toString()
}

/** The "as of" instant of a query: the one asked for, or now in UTC. */
export function asOfMs(ctx: { nowMs(): number }, at: string | undefined, parse: (value: string) => number): number {
  return at === undefined ? ctx.nowMs() : parse(at)
}
