// `watch status [--json]` and `watch check [--measure ID]`: watching official sources from the
// command line (issue 16) over the same runner as the app (core/watch/runner.ts). What is watched is
// set up in Settings → Network; `check` asks for a check of everything turned on and runs it here,
// now — with --measure, only that measure's terms, leaving the schedule as it was.
import type { WatchStatus, WatchTarget } from '../../shared/watch.ts'
import { createWatchRunner } from '../../core/watch/runner.ts'
import { translatePlural } from '../../shared/i18n/plural.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { EXIT, UsageError } from '../usage.ts'

const WATCH_USAGE = 'usage: watch status [--json] | watch check [--measure ID] [--json]'

function lastCheck(ctx: CliContext, target: WatchTarget): string {
  const { t } = ctx
  const at = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z')
  if (target.lastError !== null)
    return target.lastSuccessAt
      ? t('watch.network.notCheckedSince', { at: at(target.lastSuccessAt), error: target.lastError })
      : t('watch.network.neverChecked', { error: target.lastError })
  return target.lastSuccessAt ? t('watch.network.lastChecked', { at: at(target.lastSuccessAt) }) : t('watch.network.notChecked')
}

function printTargets(ctx: CliContext, status: WatchStatus): void {
  for (const target of status.targets) {
    ctx.out(`${target.enabled ? ctx.t('cli.watch.on') : ctx.t('cli.watch.off')}  ${target.title}  ${target.address}`)
    if (target.enabled) ctx.out(`    ${lastCheck(ctx, target)}`)
  }
}

async function watchStatus(ctx: CliContext): Promise<void> {
  const status = unwrap(await ctx.store.service.call('watch.status', {}))
  if (ctx.args.json) return ctx.out(JSON.stringify(status, null, 2))
  ctx.out(translatePlural(ctx.locale, 'cli.watch.measures', status.watchedMeasures))
  printTargets(ctx, status)
  const open = unwrap(await ctx.store.service.call('watch.hits', {}))
  ctx.out(translatePlural(ctx.locale, 'cli.watch.open', open.length))
}

async function watchCheck(ctx: CliContext): Promise<void> {
  const measureId = ctx.args.measures.at(-1)
  if (measureId !== undefined) unwrap(await ctx.store.service.call('measures.get', { id: measureId }))
  const before = unwrap(await ctx.store.service.call('watch.status', {}))
  const on = before.targets.filter((target) => target.enabled)
  if (on.length === 0) throw new CliFailure(ctx.t('cli.watch.nothingOn'), EXIT.usage)
  const openBefore = unwrap(await ctx.store.service.call('watch.hits', {})).length
  unwrap(await ctx.store.service.call('watch.checkNow', {}))
  const errors = new Map<string, string>()
  const runner = createWatchRunner({
    service: ctx.store.service,
    measureId,
    log: (message) => ctx.out(message),
    onChecked: (target, error) => (error === null ? errors.delete(target) : errors.set(target, error)),
  })
  runner.changed()
  await runner.idle()
  runner.stop()
  const after = unwrap(await ctx.store.service.call('watch.status', {}))
  const found = unwrap(await ctx.store.service.call('watch.hits', {})).length - openBefore
  if (ctx.args.json) ctx.out(JSON.stringify({ status: after, newItems: found }, null, 2))
  else {
    printTargets(ctx, after)
    ctx.out(translatePlural(ctx.locale, 'cli.watch.found', found))
  }
  // A check that failed for a target that is on (offline, an error answer): a runtime failure. The
  // runner says which failed in this run (a check of one measure leaves the targets' status as it was).
  const failed = after.targets.filter((target) => target.enabled && errors.has(target.key))
  if (failed.length > 0) throw new CliFailure(failed.map((target) => `${target.title}: ${errors.get(target.key)}`).join('; '), EXIT.failure)
}

export function watchCommand(ctx: CliContext): void | Promise<void> {
  const [sub, ...extra] = ctx.args.positionals
  if (extra.length > 0) throw new UsageError(`watch ${sub} takes no more arguments; ${WATCH_USAGE}`)
  if (sub !== 'check' && ctx.args.measures.length > 0) throw new UsageError(`--measure goes with watch check; ${WATCH_USAGE}`)
  if (sub === 'status') return watchStatus(ctx)
  if (sub === 'check') return watchCheck(ctx)
  throw new UsageError(sub ? `unknown watch command "${sub}"; ${WATCH_USAGE}` : WATCH_USAGE)
}
