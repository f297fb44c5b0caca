// `dataset check-feed [--out FILE] [--json]`: check the signed dataset feed set up in Settings →
// Dataset feed now, with the same core as the app (core/dataset-update/feed-fetch.ts: https only,
// bounded fetch, the service verifies). A verified newer dataset waits for the review; with --out
// it is also written to FILE, for `dataset diff FILE` and `dataset apply FILE`.
import { writeFileSync } from 'node:fs'
import { runDatasetFeedCheck } from '../../core/dataset-update/feed-fetch.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { EXIT } from '../usage.ts'

/** Refusals of what the feed sent are the publisher's or the settings' to fix (2); not reaching it is a runtime failure (1). */
const RUNTIME_FAILURES = new Set(['offline', 'timeout', 'http'])

export async function datasetCheckFeed(ctx: CliContext): Promise<void> {
  const { t } = ctx
  const before = unwrap(await ctx.store.service.call('datasetFeed.status', {}))
  if (!before.url || !before.publicKey) throw new CliFailure(t('cli.datasetFeed.notSet'), EXIT.usage)
  await runDatasetFeedCheck(before.url, {
    service: ctx.store.service,
    fetch: (url, init) => fetch(url, init),
    signal: new AbortController().signal,
  })
  const after = unwrap(await ctx.store.service.call('datasetFeed.status', {}))
  const result = after.lastResult
  if (!result) throw new CliFailure(t('cli.datasetFeed.notSet'), EXIT.usage)
  if (ctx.args.out && result.kind === 'newer') {
    const waiting = unwrap(await ctx.store.service.call('datasetFeed.waitingFile', {}))
    writeFileSync(ctx.args.out, `${JSON.stringify(waiting.file, null, 2)}\n`)
  }
  const exitCode = RUNTIME_FAILURES.has(result.kind) ? EXIT.failure : EXIT.usage
  if (ctx.args.json) {
    ctx.out(JSON.stringify(after, null, 2))
    if (!result.ok) throw new CliFailure(result.message, exitCode)
    return
  }
  const dataset = result.dataset ? `${result.dataset.id} v${result.dataset.version}` : ''
  const line = t(`datasetFeed.result.${result.kind}`, { dataset, detail: result.message })
  if (!result.ok) throw new CliFailure(line, exitCode)
  ctx.out(line)
  if (result.kind === 'newer')
    ctx.out(ctx.args.out ? t('cli.datasetFeed.written', { path: ctx.args.out }) : t('cli.datasetFeed.reviewHint'))
}
