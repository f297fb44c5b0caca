/**
 * What the database knows about its dataset (migration 9): which dataset id and version it holds,
 * each dataset measure as last applied (the merge's base), and the last update with its
 * before-images (for undo).
 *
 * A database seeded before migration 9 — and one seeded since, until its first update — has no base
 * rows: its base is the embedded dataset as shipped now. That is what it was seeded from when the
 * dataset has not changed since; where it has, a fact the embedded dataset changed and the user did
 * not touch shows as the user's edit (kept, never overwritten) rather than being lost — the safe side.
 */
import type { Db } from '../store/db.ts'
import embedded from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import type { ExchangedMeasure } from '../../shared/exchange.ts'
import type { StoredMeasure } from '../store/measure-rows.ts'
import { readSetting, writeSetting } from '../store/settings.ts'
import { statement } from '../store/statements.ts'
import type { Json } from './three-way.ts'

export interface DatasetIdentity {
  id: string
  version: number
}

const IDENTITY_KEY = 'dataset'
const SEEDED_KEY = 'seeded'

/** The embedded dataset's identity; a file from before identities were written is version 1. */
export const EMBEDDED_IDENTITY: DatasetIdentity = (embedded as { dataset?: DatasetIdentity }).dataset ?? {
  id: 'us-cn-truce-2025',
  version: 1,
}

const seededFromEmbedded = (db: Db): boolean => readSetting(db, SEEDED_KEY) !== null

/** The dataset the database was seeded from or last updated to; null when it never held one. */
export function installedDataset(db: Db): DatasetIdentity | null {
  const stored = readSetting(db, IDENTITY_KEY)
  if (stored !== null) return JSON.parse(stored) as DatasetIdentity
  return seededFromEmbedded(db) ? EMBEDDED_IDENTITY : null
}

export function readIdentitySetting(db: Db): string | null {
  return readSetting(db, IDENTITY_KEY)
}

export function writeIdentitySetting(db: Db, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM settings WHERE key = ?').run(IDENTITY_KEY)
  else writeSetting(db, IDENTITY_KEY, value)
}

/**
 * A measure as the merge compares it: the exchange form without the store's own timestamps, links
 * in one order (the store reads them sorted, a file may list them in any order), plain JSON.
 */
export function comparable(measure: ExchangedMeasure | StoredMeasure): Json {
  // The dataset's revision is not a fact either: the database's measure never has one.
  const { createdAt: _c, updatedAt: _u, revision: _r, ...rest } = measure as StoredMeasure & { revision?: number }
  const links = [...rest.links].sort((a, b) => a.targetId.localeCompare(b.targetId) || a.relation.localeCompare(b.relation))
  return JSON.parse(JSON.stringify({ ...rest, links })) as Json
}

let embeddedBase: Map<string, Json> | undefined

/** The base of one measure: its row, else (seeded from the embedded dataset) the embedded measure. */
export function baseMeasure(db: Db, id: string, parseEmbedded: () => readonly ExchangedMeasure[]): Json | undefined {
  const row = readBaseRow(db, id)
  if (row !== null) {
    const { revision: _r, ...measure } = JSON.parse(row) as { [key: string]: Json }
    return measure
  }
  if (!seededFromEmbedded(db)) return undefined
  embeddedBase ??= new Map(parseEmbedded().map((m) => [m.id, comparable(m)]))
  return embeddedBase.get(id)
}

/** The dataset's revision of a measure as last applied (kept beside it in its base row), if it had one. */
export function baseRevision(db: Db, id: string, parseEmbedded: () => readonly ExchangedMeasure[]): number | null {
  const row = readBaseRow(db, id)
  if (row !== null) return (JSON.parse(row) as { revision?: number }).revision ?? null
  if (!seededFromEmbedded(db)) return null
  return parseEmbedded().find((m) => m.id === id)?.revision ?? null
}

/** A base row: the measure as compared, and the dataset's revision of it beside it. */
export function baseRowText(measure: Json, revision: number | undefined): string {
  return JSON.stringify(revision === undefined ? measure : { ...(measure as { [key: string]: Json }), revision })
}

/** Every id with a base: the rows, and the embedded dataset's for a database seeded from it. */
export function baseIds(db: Db, parseEmbedded: () => readonly ExchangedMeasure[]): string[] {
  const rows = (statement(db, 'SELECT measure_id FROM dataset_base').all() as { measure_id: string }[]).map((r) => r.measure_id)
  const seeded = seededFromEmbedded(db) ? parseEmbedded().map((m) => m.id) : []
  return [...new Set([...rows, ...seeded])]
}

export function readBaseRow(db: Db, id: string): string | null {
  const row = statement(db, 'SELECT measure FROM dataset_base WHERE measure_id = ?').get(id) as { measure: string } | undefined
  return row?.measure ?? null
}

export function writeBaseRow(db: Db, id: string, measure: string | null): void {
  if (measure === null) statement(db, 'DELETE FROM dataset_base WHERE measure_id = ?').run(id)
  else
    statement(
      db,
      'INSERT INTO dataset_base (measure_id, measure) VALUES (?, ?) ON CONFLICT(measure_id) DO UPDATE SET measure = excluded.measure',
    ).run(id, measure)
}

/** What undo puts back: the identity setting, and each touched measure and base row as they were. */
export interface UndoBefore {
  identity: string | null
  measures: Record<string, StoredMeasure | null>
  bases: Record<string, string | null>
  /** Each touched measure just after the update (comparable form): undo refuses once one has changed since. */
  after?: Record<string, string>
}

export interface LastUpdate {
  appliedAt: string
  from: DatasetIdentity | null
  to: DatasetIdentity
  before: UndoBefore
}

/** Only the last update can be undone: an older before-image would not match the database any more. */
export function saveLastUpdate(db: Db, update: LastUpdate): void {
  statement(db, 'DELETE FROM dataset_undo').run()
  statement(db, 'INSERT INTO dataset_undo (applied_at, from_identity, to_identity, before) VALUES (?, ?, ?, ?)').run(
    update.appliedAt,
    update.from === null ? null : JSON.stringify(update.from),
    JSON.stringify(update.to),
    JSON.stringify(update.before),
  )
}

export function readLastUpdate(db: Db): LastUpdate | null {
  const row = statement(db, 'SELECT applied_at, from_identity, to_identity, before FROM dataset_undo ORDER BY id DESC LIMIT 1').get() as
    { applied_at: string; from_identity: string | null; to_identity: string; before: string } | undefined
  if (!row) return null
  return {
    appliedAt: row.applied_at,
    from: row.from_identity === null ? null : (JSON.parse(row.from_identity) as DatasetIdentity),
    to: JSON.parse(row.to_identity) as DatasetIdentity,
    before: JSON.parse(row.before) as UndoBefore,
  }
}

export function forgetLastUpdate(db: Db): void {
  statement(db, 'DELETE FROM dataset_undo').run()
}
