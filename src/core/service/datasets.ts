// dataset.status / diff / apply / undo (issue 16): a newer version of the database's dataset merged
// three ways (core/dataset-update/three-way.ts) so the user's edits are never overwritten; apply is
// one audited transaction that stores its before-images, and undo puts them back exactly.
import embedded from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import type { Db, SqlValue } from '../store/db.ts'
import { z } from 'zod'
import type { ExchangedMeasure } from '../../shared/exchange.ts'
import type { DatasetApplied, DatasetDiff, DatasetMeasureUpdate, DatasetSourceInput, DatasetStatus } from '../../shared/dataset-update.ts'
import { ServiceError } from '../../shared/result.ts'
import { diffDatasets, type MeasureUpdate } from '../dataset-update/dataset-diff.ts'
import { keepOffered, offerConflictingDates, recordOffered } from '../dataset-update/offered-dates.ts'
import type { Json } from '../dataset-update/three-way.ts'
import {
  baseIds,
  baseMeasure,
  baseRevision,
  baseRowText,
  comparable,
  forgetLastUpdate,
  installedDataset,
  readBaseRow,
  readIdentitySetting,
  readLastUpdate,
  saveLastUpdate,
  writeBaseRow,
  writeIdentitySetting,
  EMBEDDED_IDENTITY,
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

/**
 * The identity and measures of the dataset under review — a file's, or the one this app ships (one
 * code path for both); a file without `dataset: { id, version }` is not a dataset.
 */
function readDataset(
  ctx: ServiceContext,
  source: DatasetSourceInput,
): { to: DatasetIdentity; from: DatasetIdentity | null; measures: ExchangedMeasure[] } {
  const file = source.embedded ? embedded : source.file
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

type Identified = { id: string } & { [key: string]: Json }

/** The three sides of the merge, by measure id, and the per-measure updates between them. */
interface DatasetComparison {
  updates: MeasureUpdate[]
  base: Map<string, Identified>
  next: Map<string, Identified>
  local: Map<string, Identified>
}

function diffOf(ctx: ServiceContext, measures: readonly ExchangedMeasure[], datasetId: string): DatasetComparison {
  const ids = new Set([...measures.map((m) => m.id), ...baseIds(ctx.db, parseEmbedded)])
  const base = new Map(
    [...ids].flatMap((id) => {
      const measure = baseMeasure(ctx.db, id, parseEmbedded)
      return measure === undefined ? [] : [[id, measure as Identified] as const]
    }),
  )
  // Dates an earlier update offered as alternatives stay offered (offered-dates.ts).
  const next = new Map(measures.map((m) => [m.id, keepOffered(comparable(m), base.get(m.id), datasetId) as Identified]))
  const local = new Map(
    readAllMeasures(ctx.db)
      .filter((m) => ids.has(m.id))
      .map((m) => [m.id, comparable(m) as Identified]),
  )
  const updates = diffDatasets([...base.values()], [...next.values()], [...local.values()])
  return { updates, base, next, local }
}

/**
 * What the review names a measure and its events by (the database's titles; the dataset's for a new
 * measure), and the dataset's revision of it before and in this update.
 */
function describe(
  ctx: ServiceContext,
  id: string,
  sides: DatasetComparison,
  revisions: ReadonlyMap<string, number | undefined>,
): Pick<DatasetMeasureUpdate, 'title' | 'eventKinds' | 'revision'> {
  const revision = { from: baseRevision(ctx.db, id, parseEmbedded), to: revisions.get(id) ?? null }
  const measures = [sides.local, sides.next, sides.base].map((side) => side.get(id)).filter((m) => m !== undefined)
  const title = (measures[0]?.title ?? {}) as Record<string, string>
  const eventKinds: Record<string, string> = {}
  for (const measure of measures.reverse())
    for (const event of (measure.events ?? []) as { id: string; kind: string }[]) eventKinds[event.id] = event.kind
  return { title, eventKinds, revision }
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

function keepingSideRows(db: Db, id: string, rewrite: () => void): void {
  const kept = SIDE_ROWS.map((sql) => ({
    table: /FROM (\w+)/.exec(sql)?.[1] as string,
    rows: statement(db, sql).all(id) as Record<string, SqlValue>[],
  }))
  rewrite()
  for (const { table, rows } of kept) {
    for (const row of rows) {
      const columns = Object.keys(row)
      const sql = `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      statement(db, sql).run(...columns.map((c) => row[c] as SqlValue))
    }
  }
}

/** Writes a merged measure over whatever had its id, keeping its creation time. */
function writeMerged(db: Db, merged: ExchangedMeasure, now: string): void {
  const before = readMeasure(db, merged.id)
  keepingSideRows(db, merged.id, () =>
    writeWholeMeasure(db, { ...merged, createdAt: before?.createdAt ?? now, updatedAt: now } as StoredMeasure),
  )
}

/** A measure as it is now, in the form undo compares ('' when it does not exist). */
function afterImage(db: Db, id: string): string {
  const measure = readMeasure(db, id)
  return measure ? JSON.stringify(comparable(measure)) : ''
}

function putBack(db: Db, id: string, measure: StoredMeasure | null): void {
  if (measure === null) statement(db, 'DELETE FROM measures WHERE id = ?').run(id)
  else keepingSideRows(db, id, () => writeWholeMeasure(db, measure))
}

const identityText = (identity: DatasetIdentity | null): string => (identity ? `${identity.id} v${identity.version}` : 'no dataset')

function apply(ctx: ServiceContext, input: DatasetSourceInput & { measureIds?: string[]; removeIds?: string[] }): DatasetApplied {
  const { from, to, measures } = readDataset(ctx, input)
  const sides = diffOf(ctx, measures, to.id)
  const { updates } = sides
  const wanted = input.measureIds ? new Set(input.measureIds) : null
  const unknown = input.measureIds?.filter((id) => !updates.some((u) => u.id === id)) ?? []
  if (unknown.length > 0) throw new ServiceError('VALIDATION', `This update does not change: ${unknown.join(', ')}`)
  const removable = new Set(updates.filter((u) => u.kind === 'removed').map((u) => u.id))
  const notRemoved = input.removeIds?.filter((id) => !removable.has(id)) ?? []
  if (notRemoved.length > 0) throw new ServiceError('VALIDATION', `This update does not drop: ${notRemoved.join(', ')}`)
  // A measure the dataset dropped stays unless the user chose to remove it (removeIds: to the trash).
  const chosen = updates.filter((u) => (wanted === null || wanted.has(u.id)) && u.merged !== undefined)
  const removed = [...new Set(input.removeIds ?? [])]
  const now = timestamp(ctx.nowMs())
  const before: UndoBefore = { identity: readIdentitySetting(ctx.db), measures: {}, bases: {} }
  for (const id of [...chosen.map((u) => u.id), ...removed]) {
    before.measures[id] = readMeasure(ctx.db, id)
    before.bases[id] = readBaseRow(ctx.db, id)
  }
  // A dataset date that conflicts with the user's is kept as an alternative of that event (offered-dates.ts).
  const written = chosen.map((update) => {
    const { merged, offered } = offerConflictingDates(update.merged as Json, update.conflicts, sides.next.get(update.id), to)
    const base = recordOffered(sides.next.get(update.id) as Json, offered, to.id)
    return { id: update.id, merged: merged as unknown as ExchangedMeasure, base }
  })
  for (const { merged } of written) writeMerged(ctx.db, merged, now)
  // Links last, once every measure they point to exists (as import does).
  for (const { merged } of written) writeLinks(ctx.db, merged)
  const revisions = new Map(measures.map((m) => [m.id, m.revision]))
  for (const { id, base } of written) writeBaseRow(ctx.db, id, baseRowText(base, revisions.get(id)))
  for (const id of removed) {
    statement(ctx.db, 'UPDATE measures SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id)
    writeBaseRow(ctx.db, id, null)
  }
  before.after = Object.fromEntries(Object.keys(before.measures).map((id) => [id, afterImage(ctx.db, id)]))
  writeIdentitySetting(ctx.db, JSON.stringify(to))
  saveLastUpdate(ctx.db, { appliedAt: now, from, to, before })
  const measureIds = Object.keys(before.measures)
  writeAudit(ctx.db, {
    at: now,
    actor: ctx.actor,
    action: 'dataset.apply',
    measureId: null,
    before: null,
    after: {
      update: `dataset ${to.id} ${from ? `v${from.version}` : '(none)'} → v${to.version}`,
      measureIds,
      removed,
      skipped: updates.length - chosen.length - removed.length,
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
    const installed = installedDataset(ctx.db)
    return {
      embedded: EMBEDDED_IDENTITY,
      embeddedNewer: installed !== null && installed.id === EMBEDDED_IDENTITY.id && EMBEDDED_IDENTITY.version > installed.version,
      installed,
      lastApply: last ? { from: last.from, to: last.to, appliedAt: last.appliedAt, measureIds } : null,
    }
  },
  'dataset.diff': (ctx, input): DatasetDiff => {
    const { from, to, measures } = readDataset(ctx, input)
    const sides = diffOf(ctx, measures, to.id)
    const revisions = new Map(measures.map((m) => [m.id, m.revision]))
    const updates = sides.updates.map(({ merged: _m, ...update }) => ({ ...update, ...describe(ctx, update.id, sides, revisions) }))
    return { from, to, updates }
  },
  'dataset.apply': apply,
  'dataset.undo': undo,
}
