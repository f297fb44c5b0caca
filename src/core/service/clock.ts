import { Temporal } from '../../shared/time.ts'

/**
 * A row/audit timestamp: the UTC instant, ISO 8601, always with milliseconds
 * (2026-11-26T12:00:00.000Z) so that comparing the strings orders them in time.
 */
export function timestamp(ms: number): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toString({ fractionalSecondDigits: 3 })
}

/** The "as of" instant of a query: the one asked for, or now in UTC. */
export function asOfMs(ctx: { nowMs(): number }, at: string | undefined, parse: (value: string) => number): number {
  return at === undefined ? ctx.nowMs() : parse(at)
}
