// `dataset status | diff FILE [--json] | apply FILE [--measure ID …] | undo`: updating the database
// from a newer version of its dataset without losing the user's edits (issue 16). The three-way
// merge and the transaction are the core's (src/core/dataset-update); this prints them.
import { readFileSync, statSync } from 'node:fs'
import { MAX_DATASET_FILE_BYTES } from '../../shared/dataset-update.ts'
import { describeScanProblem, scanExchangeBytes } from '../../shared/exchange-scan.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { EXIT, UsageError } from '../usage.ts'
import { datasetCheckFeed } from './dataset-feed.ts'

const DATASET_USAGE =
  'usage: dataset status | dataset diff FILE [--json] | dataset apply FILE [--measure ID …] | dataset undo | dataset check-feed [--out FILE] [--json]'

type Identity = { id: string; version: number }
type Fact = { path: string; kind: string; base?: unknown; next?: unknown; local?: unknown }
type Update = {
  id: string
  kind: 'new' | 'changed' | 'removed'
  changes: Fact[]
  conflicts: Fact[]
  revision?: { from: number | null; to: number | null }
}

/** Reads FILE within the import's bounds; the service validates what it holds. */
function readDatasetFile(path: string | undefined, sub: string): unknown {
  if (!path) throw new UsageError(`dataset ${sub} needs the dataset file; ${DATASET_USAGE}`)
  let bytes: Buffer
  try {
    if (statSync(path).size > MAX_DATASET_FILE_BYTES)
      throw new CliFailure(`${path} is larger than ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB: not a dataset`, EXIT.usage)
    bytes = readFileSync(path)
  } catch (error) {
    if (error instanceof CliFailure) throw error
    // As import: a file that is not there or not readable is the caller's to fix.
    throw new CliFailure(`Cannot read ${path}: ${(error as Error).message}`, EXIT.usage)
  }
  const problem = scanExchangeBytes(bytes)
  if (problem) throw new CliFailure(`${path} is not a dataset this program can read: ${describeScanProblem(problem)}`, EXIT.usage)
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch (error) {
    throw new CliFailure(`${path} is not valid JSON (${(error as Error).message})`, EXIT.usage)
  }
}

const identityText = (identity: Identity | null | undefined): string => (identity ? `${identity.id} v${identity.version}` : '—')

/** A fact's value on one line: short texts as they are, anything else as compact JSON. */
function valueText(value: unknown): string {
  if (value === undefined) return '∅'
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}

/** `events[id].at` reads better to a person as `events › id › at`. */
function pathText(path: string): string {
  return path === '' ? '(the whole measure)' : path.replace(/\[([^\]]*)\]/g, ' › $1').replace(/\./g, ' › ')
}

function describeUpdate(ctx: CliContext, update: Update): string[] {
  const { t } = ctx
  const mark = update.conflicts.length > 0 ? '!' : update.kind === 'new' ? '+' : update.kind === 'removed' ? '-' : '~'
  const revision =
    update.revision?.to == null ? '' : `  (${t('cli.dataset.revision', { from: update.revision.from ?? '–', to: update.revision.to })})`
  const lines = [`${mark} ${update.id}  ${t(`cli.dataset.kind.${update.kind}`)}${revision}`]
  if (update.kind !== 'new') {
    for (const fact of update.changes)
      lines.push(`    ${pathText(fact.path)}: ${valueText(fact.base)} → ${valueText(fact.next)}  (${t(`cli.dataset.fact.${fact.kind}`)})`)
  }
  for (const fact of update.conflicts) {
    lines.push(`    ${pathText(fact.path)}: ${t('cli.dataset.conflict')}`)
    lines.push(`      ${t('cli.dataset.yours')}: ${valueText(fact.local)}`)
    lines.push(`      ${t('cli.dataset.theirs')}: ${valueText(fact.next)}`)
    lines.push(`      ${t('cli.dataset.was')}: ${valueText(fact.base)}`)
  }
  return lines
}

async function datasetStatus(ctx: CliContext): Promise<void> {
  const status = unwrap(await ctx.store.service.call('dataset.status', {}))
  if (ctx.args.json) return ctx.out(JSON.stringify(status, null, 2))
  ctx.out(`${ctx.t('cli.dataset.installed')}: ${identityText(status.installed)}`)
  if (status.lastApply)
    ctx.out(`${ctx.t('cli.dataset.lastApply')}: ${identityText(status.lastApply.from)} → ${identityText(status.lastApply.to)}`)
}

async function datasetDiff(ctx: CliContext, file: unknown): Promise<void> {
  const diff = unwrap(await ctx.store.service.call('dataset.diff', { file }))
  if (ctx.args.json) return ctx.out(JSON.stringify(diff, null, 2))
  ctx.out(`${identityText(diff.from)} → ${identityText(diff.to)}`)
  if (diff.updates.length === 0) return ctx.out(ctx.t('cli.dataset.nothing'))
  const conflicts = diff.updates.reduce((n, u) => n + u.conflicts.length, 0)
  ctx.out(ctx.t('cli.dataset.summary', { measures: diff.updates.length, conflicts }))
  for (const update of diff.updates) ctx.out(describeUpdate(ctx, update).join('\n'))
}

async function datasetApply(ctx: CliContext, file: unknown): Promise<void> {
  const measureIds = ctx.args.measures.length > 0 ? ctx.args.measures : undefined
  const applied = unwrap(await ctx.store.service.call('dataset.apply', { file, measureIds }))
  if (ctx.args.json) return ctx.out(JSON.stringify(applied, null, 2))
  ctx.out(
    ctx.t('cli.dataset.applied', { from: identityText(applied.from), to: identityText(applied.to), count: applied.measureIds.length }),
  )
  for (const id of applied.measureIds) ctx.out(`  ${id}`)
}

async function datasetUndo(ctx: CliContext): Promise<void> {
  const undone = unwrap(await ctx.store.service.call('dataset.undo', {}))
  if (ctx.args.json) return ctx.out(JSON.stringify(undone, null, 2))
  ctx.out(ctx.t('cli.dataset.undone', { from: identityText(undone.from), to: identityText(undone.to) }))
}

export function datasetCommand(ctx: CliContext): void | Promise<void> {
  const [sub, path, ...extra] = ctx.args.positionals
  if (sub === 'check-feed') {
    if (path !== undefined || ctx.args.measures.length > 0) throw new UsageError(`dataset check-feed takes no file; ${DATASET_USAGE}`)
    return datasetCheckFeed(ctx)
  }
  if (extra.length > 0) throw new UsageError(`dataset ${sub} takes one file; ${DATASET_USAGE}`)
  if (sub !== 'apply' && ctx.args.measures.length > 0) throw new UsageError(`--measure goes with dataset apply; ${DATASET_USAGE}`)
  if (sub === 'status' || sub === 'undo') {
    if (path !== undefined) throw new UsageError(`dataset ${sub} takes no file; ${DATASET_USAGE}`)
    return sub === 'status' ? datasetStatus(ctx) : datasetUndo(ctx)
  }
  if (sub === 'diff') return datasetDiff(ctx, readDatasetFile(path, sub))
  if (sub === 'apply') return datasetApply(ctx, readDatasetFile(path, sub))
  throw new UsageError(sub ? `unknown dataset command "${sub}"; ${DATASET_USAGE}` : DATASET_USAGE)
}
