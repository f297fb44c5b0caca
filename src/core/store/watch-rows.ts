// The watch tables of migration 8: a measure's watch terms, the feeds, each target's check record
// and the hits found. Callers run writes inside a transaction.
import type { Db } from './db.ts'
import {
  watchTermsSchema,
  hasWatchTerms,
  type FoundDocument,
  type WatchHit,
  type WatchOrigin,
  type WatchTerms,
} from '../../shared/watch.ts'
import { statement } from './statements.ts'

type Row = Record<string, string | number | null>

/** A stored terms cell, read leniently: what no longer validates reads as no terms. */
export function termsFromCell(cell: string | number | null | undefined): WatchTerms | undefined {
  if (typeof cell !== 'string') return undefined
  const parsed = watchTermsSchema.safeParse(JSON.parse(cell))
  return parsed.success && hasWatchTerms(parsed.data) ? parsed.data : undefined
}

export function readWatchTerms(db: Db, measureId: string): WatchTerms | undefined {
  const row = statement(db, 'SELECT terms FROM watch_terms WHERE measure_id = ?').get(measureId) as Row | undefined
  return termsFromCell(row?.terms)
}

/** Stores a measure's terms; no terms at all removes the row (so an export carries no empty field). */
export function writeWatchTerms(db: Db, measureId: string, terms: WatchTerms | undefined): void {
  if (!terms || !hasWatchTerms(terms)) {
    statement(db, 'DELETE FROM watch_terms WHERE measure_id = ?').run(measureId)
    return
  }
  statement(
    db,
    'INSERT INTO watch_terms (measure_id, terms) VALUES (?, ?) ON CONFLICT(measure_id) DO UPDATE SET terms = excluded.terms',
  ).run(measureId, JSON.stringify(terms))
}

/** Every measure that is not deleted and has terms, in id order. */
export function watchedMeasures(db: Db): { measureId: string; terms: WatchTerms }[] {
  const rows = statement(
    db,
    'SELECT w.measure_id, w.terms FROM watch_terms w JOIN measures m ON m.id = w.measure_id WHERE m.deleted_at IS NULL ORDER BY w.measure_id',
  ).all() as Row[]
  return rows.flatMap((row) => {
    const terms = termsFromCell(row.terms)
    return terms ? [{ measureId: row.measure_id as string, terms }] : []
  })
}

export interface StoredFeed {
  id: string
  url: string
  title: string
  keywords: string[]
  enabled: boolean
}

export function readFeeds(db: Db): StoredFeed[] {
  return (statement(db, 'SELECT * FROM watch_feeds ORDER BY created_at, id').all() as Row[]).map((row) => ({
    id: row.id as string,
    url: row.url as string,
    title: row.title as string,
    keywords: JSON.parse(row.keywords as string) as string[],
    enabled: row.enabled === 1,
  }))
}

export function insertFeed(db: Db, feed: StoredFeed, createdAt: string): void {
  statement(db, 'INSERT INTO watch_feeds (id, url, title, keywords, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    feed.id,
    feed.url,
    feed.title,
    JSON.stringify(feed.keywords),
    feed.enabled ? 1 : 0,
    createdAt,
  )
}

export function setFeedEnabled(db: Db, id: string, enabled: boolean): boolean {
  return statement(db, 'UPDATE watch_feeds SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id).changes > 0
}

export function deleteFeed(db: Db, id: string): boolean {
  statement(db, 'DELETE FROM watch_checks WHERE target = ?').run(`feed:${id}`)
  return statement(db, 'DELETE FROM watch_feeds WHERE id = ?').run(id).changes > 0
}

export interface StoredCheck {
  lastSuccessMs: number | null
  lastAttemptMs: number | null
  failures: number
  lastError: string | null
}

export function readCheck(db: Db, target: string): StoredCheck {
  const row = statement(db, 'SELECT * FROM watch_checks WHERE target = ?').get(target) as Row | undefined
  return {
    lastSuccessMs: (row?.last_success_ms as number | null | undefined) ?? null,
    lastAttemptMs: (row?.last_attempt_ms as number | null | undefined) ?? null,
    failures: (row?.failures as number | undefined) ?? 0,
    lastError: (row?.last_error as string | null | undefined) ?? null,
  }
}

/** A finished check: success resets the back-off; a failure counts one more and keeps the last success. */
export function writeCheck(db: Db, target: string, atMs: number, error: string | null): void {
  const before = readCheck(db, target)
  statement(
    db,
    `INSERT INTO watch_checks (target, last_success_ms, last_attempt_ms, failures, last_error) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(target) DO UPDATE SET last_success_ms = excluded.last_success_ms, last_attempt_ms = excluded.last_attempt_ms,
       failures = excluded.failures, last_error = excluded.last_error`,
  ).run(target, error === null ? atMs : before.lastSuccessMs, atMs, error === null ? 0 : before.failures + 1, error)
}

/** A document a check found, with the id its row gets. */
export type NewHit = FoundDocument & { id: string }

/** Records a hit unless the measure already had this document from this origin (open or handled). */
export function insertHit(db: Db, hit: NewHit, foundAt: string, foundMs: number): boolean {
  return (
    statement(
      db,
      `INSERT OR IGNORE INTO watch_hits (id, measure_id, origin, publisher, document_key, title, document_type, published, effective, url, matched, found_at, found_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      hit.id,
      hit.measureId,
      hit.origin,
      hit.publisher,
      hit.documentKey,
      hit.title,
      hit.documentType,
      hit.published,
      hit.effective,
      hit.url,
      hit.matched,
      foundAt,
      foundMs,
    ).changes > 0
  )
}

function hitFromRow(row: Row): WatchHit {
  return {
    id: row.id as string,
    measureId: row.measure_id as string,
    origin: row.origin as WatchOrigin,
    publisher: row.publisher as string,
    title: row.title as string,
    documentType: row.document_type as string,
    published: row.published as string | null,
    effective: row.effective as string | null,
    url: row.url as string,
    matched: row.matched as string,
    foundAt: row.found_at as string,
  }
}

/** Open hits (not dismissed, not cited) of one measure, or of every measure that is not deleted; newest first. */
export function openHits(db: Db, measureId?: string): WatchHit[] {
  const rows = measureId
    ? statement(db, 'SELECT * FROM watch_hits WHERE resolution IS NULL AND measure_id = ? ORDER BY found_ms DESC, id').all(measureId)
    : statement(
        db,
        `SELECT h.* FROM watch_hits h JOIN measures m ON m.id = h.measure_id
         WHERE h.resolution IS NULL AND m.deleted_at IS NULL ORDER BY h.found_ms DESC, h.id`,
      ).all()
  return (rows as Row[]).map(hitFromRow)
}

export function readHit(db: Db, measureId: string, hitId: string): (WatchHit & { resolution: string | null }) | null {
  const row = statement(db, 'SELECT * FROM watch_hits WHERE measure_id = ? AND id = ?').get(measureId, hitId) as Row | undefined
  return row ? { ...hitFromRow(row), resolution: row.resolution as string | null } : null
}

export function resolveHit(db: Db, hitId: string, resolution: 'dismissed' | 'cited', at: string): void {
  statement(db, 'UPDATE watch_hits SET resolution = ?, resolved_at = ? WHERE id = ? AND resolution IS NULL').run(resolution, at, hitId)
}

/**
 * Open hits of the measure whose document is now a source that one of its events cites: however the
 * event was recorded (the hit's own "Record event", the event dialog, an outcome), the document has
 * been dealt with.
 */
export function resolveCitedHits(db: Db, measureId: string, at: string): void {
  statement(
    db,
    `UPDATE watch_hits SET resolution = 'cited', resolved_at = ?
     WHERE measure_id = ? AND resolution IS NULL AND url IN (
       SELECT s.url FROM sources s JOIN events e ON e.measure_id = s.measure_id
       WHERE s.measure_id = ? AND EXISTS (SELECT 1 FROM json_each(e.source_ids) j WHERE j.value = s.id))`,
  ).run(at, measureId, measureId)
}
