// dataset.status / diff / apply / undo (issue 16): a newer version of the database's dataset merged
// three ways (core/dataset-update/three-way.ts) so the user's edits are never overwritten; apply is
// one audited transaction that stores its before-images, and undo puts them back exactly.
import embedded from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import { z } from 'zod'
import type { ExchangedMeasure } from '../../shared/exchange.ts'
import type { DatasetApplied, DatasetDiff, DatasetStatus } from '../../shared/dataset-update.ts'
import { ServiceError } from '../../shared/result.ts'
import { diffDatasets, type MeasureUpdate } from '../dataset-update/dataset-diff.ts'
import {
  baseIds,
  baseMeasure,
  comparable,
  forgetLastUpdate,
  installedDataset,
  readBaseRow,
  readIdentitySetting,
  readLastUpdate,
  saveLastUpdate,
  writeBaseRow,
  writeIdentitySetting,
  type DatasetIdentity,
  type UndoBefore,
} from '../dataset-update/dataset-state.ts'
import { readAllMeasures, readMeasure, writeLinks, writeWholeMeasure, type StoredMeasure } from '../store/measure-rows.ts'
import { statement } from '../store/statements.ts'
import { refreshSummaries } from '../store/summary-table.ts'
import { writeAudit } from './audit.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'
import { parseExchangeFile } from './exchange.ts'

const identitySchema = z.object({ id: z.string().min(1).max(200), version: z.number().int().min(1) })

let embeddedMeasures: readonly ExchangedMeasure[] | undefined
const parseEmbedded = (): readonly ExchangedMeasure[] => (embeddedMeasures ??= parseExchangeFile(embedded).measures)

/** The file's identity and measures; a file without `dataset: { id, version }` is not a dataset. */
function readDataset(
  ctx: ServiceContext,
  file: unknown,
): { to: DatasetIdentity; from: DatasetIdentity | null; measures: ExchangedMeasure[] } {
  const identity = identitySchema.safeParse((file as { dataset?: unknown } | null)?.dataset)
  if (!identity.success)
    throw new ServiceError(
      'VALIDATION',
      'This file is not a dataset: it has no "dataset": { "id", "version" } (an export is imported with import instead)',
    )
  const measures = parseExchangeFile(file).measures
  const from = installedDataset(ctx.db)
  if (from && from.id !== identity.data.id)
    throw new ServiceError('VALIDATION', `This file is dataset ${identity.data.id}; the database holds dataset ${from.id}`)
  if (from && identity.data.version < from.version)
    throw new ServiceError(
      'CONFLICT',
      `This file is ${from.id} v${identity.data.version}, older than the v${from.version} the database holds`,
    )
  return { to: identity.data, from, measures }
}

function diffOf(ctx: ServiceContext, measures: readonly ExchangedMeasure[]): MeasureUpdate[] {
  const next = measures.map((m) => comparable(m) as { id: string })
  const ids = new Set([...next.map((m) => m.id), ...baseIds(ctx.db, parseEmbedded)])
  const base = [...ids].flatMap((id) => {
    const measure = baseMeasure(ctx.db, id, parseEmbedded)
    return measure === undefined ? [] : [measure as { id: string }]
  })
  const local = readAllMeasures(ctx.db)
    .filter((m) => ids.has(m.id))
    .map((m) => comparable(m) as { id: string })
  return diffDatasets(base as never, next as never, local as never)
}

/**
 * The user's rows a whole-measure write would cascade away but the exchange form does not carry:
 * notes in the trash, every note's earlier versions, documents found by watching. Kept across the
 * rewrite, so an update never takes them (parents before children).
 */
const SIDE_ROWS = [
  'SELECT * FROM notes WHERE measure_id = ? AND deleted_at IS NOT NULL',
  'SELECT * FROM note_revisions WHERE measure_id = ?',
  'SELECT * FROM watch_hits WHERE measure_id = ?',
] as const

function keepingSideRows(db: DatabaseSync, id: string, rewrite: () => void): void {
  const kept = SIDE_ROWS.map((sql) => ({
    table: /FROM (\w+)/.exec(sql)?.[1] as string,
    rows: statement(db, sql).all(id) as Record<string, SQLInputValue>[],
  }))
  rewrite()
  for (const { table, rows } of kept) {
    for (const row of rows) {
      const columns = Object.keys(row)
      const sql = `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      statement(db, sql).run(...columns.map((c) => row[c] as SQLInputValue))
    }
  }
}

/** Writes a merged measure over whatever had its id, keeping its creation time. */
function writeMerged(db: DatabaseSync, merged: ExchangedMeasure, now: string): void {
  const before = readMeasure(db, merged.id)
  keepingSideRows(db, merged.id, () =>
    writeWholeMeasure(db, { ...merged, createdAt: before?.createdAt ?? now, updatedAt: now } as StoredMeasure),
  )
}

/** A measure as it is now, in the form undo compares ('' when it does not exist). */
function afterImage(db: DatabaseSync, id: string): string {
  const measure = readMeasure(db, id)
  return measure ? JSON.stringify(comparable(measure)) : ''
}

function putBack(db: DatabaseSync, id: string, measure: StoredMeasure | null): void {
  if (measure === null) statement(db, 'DELETE FROM measures WHERE id = ?').run(id)
  else keepingSideRows(db, id, () => writeWholeMeasure(db, measure))
}

const identityText = (identity: DatasetIdentity | null): string => (identity ? `${identity.id} v${identity.version}` : 'no dataset')

function apply(ctx: ServiceContext, input: { file: unknown; measureIds?: string[] }): DatasetApplied {
  const { from, to, measures } = readDataset(ctx, input.file)
  const updates = diffOf(ctx, measures)
  const wanted = input.measureIds ? new Set(input.measureIds) : null
  const unknown = input.measureIds?.filter((id) => !updates.some((u) => u.id === id)) ?? []
  if (unknown.length > 0) throw new ServiceError('VALIDATION', `This update does not change: ${unknown.join(', ')}`)
  // A measure the dataset dropped is left in place (the review will offer removing it); the rest applies.
  const chosen = updates.filter((u) => (wanted === null || wanted.has(u.id)) && u.merged !== undefined)
  const nextById = new Map(measures.map((m) => [m.id, m]))
  const now = timestamp(ctx.nowMs())
  const before: UndoBefore = { identity: readIdentitySetting(ctx.db), measures: {}, bases: {} }
  for (const update of chosen) {
    before.measures[update.id] = readMeasure(ctx.db, update.id)
    before.bases[update.id] = readBaseRow(ctx.db, update.id)
  }
  for (const update of chosen) writeMerged(ctx.db, update.merged as unknown as ExchangedMeasure, now)
  // Links last, once every measure they point to exists (as import does).
  for (const update of chosen) writeLinks(ctx.db, update.merged as unknown as ExchangedMeasure)
  for (const update of chosen) writeBaseRow(ctx.db, update.id, JSON.stringify(comparable(nextById.get(update.id) as ExchangedMeasure)))
  before.after = Object.fromEntries(chosen.map((u) => [u.id, afterImage(ctx.db, u.id)]))
  writeIdentitySetting(ctx.db, JSON.stringify(to))
  saveLastUpdate(ctx.db, { appliedAt: now, from, to, before })
  const measureIds = chosen.map((u) => u.id)
  writeAudit(ctx.db, {
    at: now,
    actor: ctx.actor,
    action: 'dataset.apply',
    measureId: null,
    before: null,
    after: {
      update: `dataset ${to.id} ${from ? `v${from.version}` : '(none)'} → v${to.version}`,
      measureIds,
      skipped: updates.length - chosen.length,
    },
  })
  return { from, to, measureIds }
}

function undo(ctx: ServiceContext): DatasetApplied {
  const last = readLastUpdate(ctx.db)
  if (!last) throw new ServiceError('CONFLICT', 'There is no dataset update to undo')
  const ids = Object.keys(last.before.measures)
  // Putting the before-images back would also take away what the user changed since: refuse instead.
  const changedSince = ids.filter((id) => last.before.after && last.before.after[id] !== afterImage(ctx.db, id))
  if (changedSince.length > 0)
    throw new ServiceError(
      'CONFLICT',
      `Cannot undo the dataset update: ${changedSince.join(', ')} changed since it was applied, and undoing would lose that change`,
    )
  for (const id of ids) putBack(ctx.db, id, last.before.measures[id] ?? null)
  for (const id of ids) {
    const measure = last.before.measures[id]
    if (measure) writeLinks(ctx.db, measure)
  }
  for (const [id, base] of Object.entries(last.before.bases)) writeBaseRow(ctx.db, id, base)
  writeIdentitySetting(ctx.db, last.before.identity)
  forgetLastUpdate(ctx.db)
  writeAudit(ctx.db, {
    at: timestamp(ctx.nowMs()),
    actor: ctx.actor,
    action: 'dataset.undo',
    measureId: null,
    before: null,
    after: { undone: `dataset ${identityText(last.from)} → ${identityText(last.to)}`, measureIds: ids },
  })
  // A measure the update had added is gone: its summary row goes with it (the dirty refresh only rewrites).
  refreshSummaries(ctx.db, ctx.nowMs(), { dirtyOnly: true })
  return { from: last.from, to: last.to, measureIds: ids }
}

export const datasetHandlers: Handlers<'dataset.status' | 'dataset.diff' | 'dataset.apply' | 'dataset.undo'> = {
  'dataset.status': (ctx): DatasetStatus => {
    const last = readLastUpdate(ctx.db)
    const measureIds = last ? Object.keys(last.before.measures) : []
    return {
      installed: installedDataset(ctx.db),
      lastApply: last ? { from: last.from, to: last.to, appliedAt: last.appliedAt, measureIds } : null,
    }
  },
  'dataset.diff': (ctx, input): DatasetDiff => {
    const { from, to, measures } = readDataset(ctx, input.file)
    const updates = diffOf(ctx, measures).map(({ merged: _m, ...update }) => update)
    return { from, to, updates }
  },
  'dataset.apply': apply,
  'dataset.undo': undo,
}
