// Reading and writing one whole measure (facts, events, sources, links, notes) as table rows.
// Callers run writes inside a transaction (database.ts inTransaction).
import { isPostgres, type Db } from './db.ts'
import type {
  ChineseScript,
  Commitment,
  DateAlternative,
  EventTranslations,
  Measure,
  MeasureEvent,
  MeasureFacts,
  MeasureLink,
  MeasureTranslations,
  Note,
  ProgressEntry,
  RateValue,
  Source,
  SourceTranslations,
  SuspendedPart,
} from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'
import { withDerivedScript, withDerivedScripts } from '../text/chinese-script.ts'
import { statement } from './statements.ts'
import { timelineSelect } from './timeline-column.ts'
import type { WatchTerms } from '../../shared/watch.ts'
import { readWatchTerms, termsFromCell, writeWatchTerms } from './watch-rows.ts'

export interface StoredMeasure extends Measure {
  /** What the measure watches for in official sources (issue 16); absent when nothing. */
  watch?: WatchTerms
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

type Row = Record<string, string | number | null>

export function measureExists(db: Db, id: string): { deleted: boolean } | null {
  const row = statement(db, 'SELECT deleted_at FROM measures WHERE id = ?').get(id) as Row | undefined
  return row ? { deleted: row.deleted_at !== null } : null
}

/** A measure's row and its children's rows, as each table gives them. */
interface MeasureRows {
  m: Row
  tags: Row[]
  events: Row[]
  sources: Row[]
  links: Row[]
  notes: Row[]
  progress: Row[]
  watch: WatchTerms | undefined
}

function readMeasureRows(db: Db, id: string): MeasureRows | null {
  if (isPostgres(db)) return readMeasureRowsAtOnce(db, id)
  const m = statement(db, 'SELECT * FROM measures WHERE id = ?').get(id) as Row | undefined
  if (!m) return null
  return {
    m,
    tags: statement(db, 'SELECT tag FROM measure_tags WHERE measure_id = ? ORDER BY position').all(id) as Row[],
    events: statement(db, 'SELECT * FROM events WHERE measure_id = ? ORDER BY at_ms, id').all(id) as Row[],
    sources: statement(db, 'SELECT * FROM sources WHERE measure_id = ? ORDER BY position').all(id) as Row[],
    links: statement(db, 'SELECT target_id, relation FROM links WHERE measure_id = ? ORDER BY target_id').all(id) as Row[],
    notes: db
      .prepare('SELECT * FROM notes WHERE measure_id = ? AND deleted_at IS NULL ORDER BY pinned DESC, created_at DESC')
      .all(id) as Row[],
    progress: statement(db, 'SELECT * FROM commitment_progress WHERE measure_id = ? ORDER BY as_of_ms, id').all(id) as Row[],
    watch: readWatchTerms(db, id),
  }
}

/**
 * The same rows from a team database in one round trip: each child table aggregated to JSON
 * (row_to_json keeps the column names; the translation adds SQLite's NULL order to each ORDER BY).
 * A write reads its measure before and after (and the page after that): eight round trips each
 * were most of a mutation's time on a server (bench: pg_mutation_p95_ms).
 */
const MEASURE_ROWS_POSTGRES = `SELECT row_to_json(m) AS m,
  (SELECT json_agg(t.tag ORDER BY t.position) FROM measure_tags t WHERE t.measure_id = m.id) AS tags,
  (SELECT json_agg(row_to_json(e) ORDER BY e.at_ms, e.id) FROM events e WHERE e.measure_id = m.id) AS events,
  (SELECT json_agg(row_to_json(src) ORDER BY src.position) FROM sources src WHERE src.measure_id = m.id) AS sources,
  (SELECT json_agg(json_build_object('target_id', l.target_id, 'relation', l.relation) ORDER BY l.target_id) FROM links l WHERE l.measure_id = m.id) AS links,
  (SELECT json_agg(row_to_json(n) ORDER BY n.pinned DESC, n.created_at DESC) FROM notes n WHERE n.measure_id = m.id AND n.deleted_at IS NULL) AS notes,
  (SELECT json_agg(row_to_json(p) ORDER BY p.as_of_ms, p.id) FROM commitment_progress p WHERE p.measure_id = m.id) AS progress,
  (SELECT w.terms FROM watch_terms w WHERE w.measure_id = m.id) AS watch
FROM measures m WHERE m.id = ?`

function readMeasureRowsAtOnce(db: Db, id: string): MeasureRows | null {
  const row = statement(db, MEASURE_ROWS_POSTGRES).get(id) as Record<string, unknown> | undefined
  if (!row) return null
  const list = (cell: unknown) => (Array.isArray(cell) ? (cell as Row[]) : [])
  return {
    m: row.m as Row,
    tags: list(row.tags).map((tag) => ({ tag }) as unknown as Row),
    events: list(row.events),
    sources: list(row.sources),
    links: list(row.links),
    notes: list(row.notes),
    progress: list(row.progress),
    watch: termsFromCell(row.watch as string | null | undefined),
  }
}

export function readMeasure(db: Db, id: string): StoredMeasure | null {
  const rows = readMeasureRows(db, id)
  if (!rows) return null
  const { m, tags, events, sources, links, notes, progress, watch } = rows
  return {
    ...factsFromRow(m),
    id: m.id as string,
    tags: tags.map((t) => t.tag as string),
    events: events.map(eventFromRow),
    sources: sources.map(sourceFromRow),
    links: links.map((l) => ({ targetId: l.target_id as string, relation: l.relation as MeasureLink['relation'] })),
    notes: notes.map(noteFromRow),
    progress: progress.map(progressFromRow),
    ...(watch ? { watch } : {}),
    createdAt: m.created_at as string,
    updatedAt: m.updated_at as string,
    deletedAt: m.deleted_at as string | null,
  }
}

function factsFromRow(m: Row): Omit<MeasureFacts, 'tags'> {
  return {
    title: titleOf(m),
    shortName: m.short_name as string,
    imposer: m.imposer as string,
    target: m.target as string,
    category: m.category as Measure['category'],
    authority: m.authority as string,
    instrument: m.instrument as string,
    instrumentNumber: m.instrument_number as string,
    scope: m.scope as string,
    rate: m.rate as string | null,
    rateValue: jsonOrNull<RateValue>(m.rate_value),
    commitment: jsonOrNull<Commitment>(m.commitment),
    summary: m.summary as string,
    translations: translationsOf<MeasureTranslations>(m.translations),
  }
}

/** A `translations` cell: NULL when the texts have no Chinese. */
function translationsOf<T extends object>(cell: string | number | null | undefined): T {
  return jsonOrNull<T>(cell) ?? ({} as T)
}

function translationsCell(translations: object): string | null {
  return Object.keys(translations).length === 0 ? null : JSON.stringify(translations)
}

function jsonOrNull<T>(cell: string | number | null | undefined): T | null {
  return typeof cell === 'string' ? (JSON.parse(cell) as T) : null
}

function jsonText(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value)
}

function progressFromRow(row: Row): ProgressEntry {
  return {
    id: row.id as string,
    value: row.value as number,
    asOf: row.as_of as string,
    sourceIds: JSON.parse(row.source_ids as string) as string[],
    note: row.note as string,
    recordedAt: row.recorded_at as string,
  }
}

export function titleOf(row: Row): Measure['title'] {
  const title: Measure['title'] = { en: row.title_en as string }
  if (row.title_zh_hant !== null) title['zh-Hant'] = row.title_zh_hant as string
  if (row.title_zh_hans !== null) title['zh-Hans'] = row.title_zh_hans as string
  if (row.title_converted != null) title.converted = row.title_converted as ChineseScript
  return title
}

function eventFromRow(row: Row): MeasureEvent {
  return {
    id: row.id as string,
    kind: row.kind as MeasureEvent['kind'],
    at: row.at as string,
    until: row.until as string | null,
    scheduled: row.scheduled === 1,
    rate: row.rate as string | null,
    scope: row.scope as string | null,
    sourceIds: JSON.parse(row.source_ids as string) as string[],
    note: row.note as string,
    alternatives: JSON.parse(row.alternatives as string) as DateAlternative[],
    rateValue: jsonOrNull<RateValue>(row.rate_value),
    part: jsonOrNull<SuspendedPart>(row.part),
    whenSuspended: row.when_suspended as MeasureEvent['whenSuspended'],
    translations: translationsOf<EventTranslations>(row.translations),
  }
}

function sourceFromRow(row: Row): Source {
  return {
    id: row.id as string,
    url: row.url as string,
    title: row.title as string,
    publisher: row.publisher as string,
    date: row.date as string | null,
    confidence: row.confidence as Source['confidence'],
    // Absent rather than `{}` when a source has no Chinese title, as sources.add answers it.
    ...(row.translations === null ? {} : { translations: translationsOf<SourceTranslations>(row.translations) }),
  }
}

function noteFromRow(row: Row): Note {
  return {
    id: row.id as string,
    body: row.body as string,
    pinned: row.pinned === 1,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  }
}

/**
 * Inserts or replaces the measure's own row (facts). Children are written separately. A Chinese
 * script missing from the title, the commitment's unit or a translated field is derived here from
 * the other (core/text/chinese-script.ts), so every writer stores both.
 */
export function writeFacts(
  db: Db,
  id: string,
  facts: MeasureFacts,
  times: { createdAt: string; updatedAt: string; deletedAt: string | null },
): void {
  const title = withDerivedScript(facts.title)
  const commitment = facts.commitment === null ? null : { ...facts.commitment, unit: withDerivedScript(facts.commitment.unit) }
  statement(
    db,
    `INSERT INTO measures (id, title_en, title_zh_hant, title_zh_hans, title_converted, short_name, imposer, target, category, authority,
       instrument, instrument_number, scope, rate, rate_value, commitment, summary, translations, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title_en = excluded.title_en, title_zh_hant = excluded.title_zh_hant,
       title_zh_hans = excluded.title_zh_hans, title_converted = excluded.title_converted, translations = excluded.translations,
       short_name = excluded.short_name, imposer = excluded.imposer,
       target = excluded.target, category = excluded.category, authority = excluded.authority,
       instrument = excluded.instrument, instrument_number = excluded.instrument_number, scope = excluded.scope,
       rate = excluded.rate, rate_value = excluded.rate_value, commitment = excluded.commitment, summary = excluded.summary, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
  ).run(
    id,
    title.en,
    title['zh-Hant'] ?? null,
    title['zh-Hans'] ?? null,
    title.converted ?? null,
    facts.shortName,
    facts.imposer,
    facts.target,
    facts.category,
    facts.authority,
    facts.instrument,
    facts.instrumentNumber,
    facts.scope,
    facts.rate,
    jsonText(facts.rateValue),
    jsonText(commitment),
    facts.summary,
    translationsCell(withDerivedScripts(facts.translations ?? {})),
    times.createdAt,
    times.updatedAt,
    times.deletedAt,
  )
  writeTags(db, id, facts.tags)
}

export function writeTags(db: Db, id: string, tags: readonly string[]): void {
  statement(db, 'DELETE FROM measure_tags WHERE measure_id = ?').run(id)
  const insert = statement(db, 'INSERT OR IGNORE INTO measure_tags (measure_id, tag, position) VALUES (?, ?, ?)')
  tags.forEach((tag, position) => insert.run(id, tag, position))
}

/** Rebuilds the measure's timeline column from its events (see timeline-column.ts TIMELINE_SELECT). */
export function refreshTimeline(db: Db, measureId: string): void {
  statement(db, `UPDATE measures SET timeline = (${timelineSelect(db)}) WHERE id = ?1`).run(measureId)
}

/** Every measure's timeline column in one statement: about 2.5 times faster than one by one (a staged import). */
export function refreshAllTimelines(db: Db): void {
  db.exec(`UPDATE measures SET timeline = (${timelineSelect(db).replace('?1', 'measures.id')})`)
}

/** Adds one event and keeps the timeline in step. */
export function addEvent(db: Db, measureId: string, event: MeasureEvent): void {
  insertEvent(db, measureId, event)
  refreshTimeline(db, measureId)
}

/** Removes one event (false when there was none) and keeps the timeline in step. */
export function removeEvent(db: Db, measureId: string, eventId: string): boolean {
  const removed = statement(db, 'DELETE FROM events WHERE measure_id = ? AND id = ?').run(measureId, eventId).changes > 0
  if (removed) refreshTimeline(db, measureId)
  return removed
}

function insertEvent(db: Db, measureId: string, event: MeasureEvent): void {
  statement(
    db,
    `INSERT INTO events (measure_id, id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, note, source_ids, alternatives,
       rate_value, part, when_suspended, translations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    measureId,
    event.id,
    event.kind,
    event.at,
    epochMs(event.at),
    event.until,
    event.until === null ? null : epochMs(event.until),
    event.scheduled ? 1 : 0,
    event.rate,
    event.scope,
    event.note,
    JSON.stringify(event.sourceIds),
    JSON.stringify(event.alternatives),
    jsonText(event.rateValue),
    jsonText(event.part),
    event.whenSuspended,
    translationsCell(withDerivedScripts(event.translations ?? {})),
  )
}

export function insertProgress(db: Db, measureId: string, entry: ProgressEntry): void {
  statement(
    db,
    'INSERT INTO commitment_progress (measure_id, id, value, as_of, as_of_ms, source_ids, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(measureId, entry.id, entry.value, entry.asOf, epochMs(entry.asOf), JSON.stringify(entry.sourceIds), entry.note, entry.recordedAt)
}

/** Removes one progress entry (false when there was none). */
export function removeProgress(db: Db, measureId: string, progressId: string): boolean {
  return statement(db, 'DELETE FROM commitment_progress WHERE measure_id = ? AND id = ?').run(measureId, progressId).changes > 0
}

export function insertSource(db: Db, measureId: string, source: Source, position: number): void {
  statement(
    db,
    'INSERT INTO sources (measure_id, id, url, title, publisher, date, confidence, position, translations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    measureId,
    source.id,
    source.url,
    source.title,
    source.publisher,
    source.date,
    source.confidence,
    position,
    translationsCell(withDerivedScripts(source.translations ?? {})),
  )
}

/** Rewrites one source's fields (false when the measure has no such source). */
export function updateSource(db: Db, measureId: string, source: Source): boolean {
  return (
    statement(
      db,
      'UPDATE sources SET url = ?, title = ?, publisher = ?, date = ?, confidence = ?, translations = ? WHERE measure_id = ? AND id = ?',
    ).run(
      source.url,
      source.title,
      source.publisher,
      source.date,
      source.confidence,
      translationsCell(withDerivedScripts(source.translations ?? {})),
      measureId,
      source.id,
    ).changes > 0
  )
}

export function insertLink(db: Db, measureId: string, link: MeasureLink): void {
  statement(db, 'INSERT OR REPLACE INTO links (measure_id, target_id, relation) VALUES (?, ?, ?)').run(
    measureId,
    link.targetId,
    link.relation,
  )
}

export function insertNote(db: Db, measureId: string, note: Note): void {
  statement(db, 'INSERT INTO notes (measure_id, id, body, pinned, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    measureId,
    note.id,
    note.body,
    note.pinned ? 1 : 0,
    note.createdAt,
    note.updatedAt,
  )
}

/**
 * Writes a whole measure, replacing whatever had that id (import, restore). Links from other
 * measures to this one survive the replacement; its own links are written by the caller once
 * every measure they point to exists (see writeLinks).
 */
export function writeWholeMeasure(db: Db, measure: StoredMeasure, options: { staging?: boolean } = {}): void {
  // `staging`: a new staging file (staged-import.ts), where no row has the id yet (the import's
  // check refuses a duplicate before it is written) and every timeline is refreshed at the end.
  const inbound = options.staging
    ? []
    : (statement(db, 'SELECT measure_id, relation FROM links WHERE target_id = ? AND measure_id <> ?').all(measure.id, measure.id) as Row[])
  if (!options.staging) statement(db, 'DELETE FROM measures WHERE id = ?').run(measure.id)
  writeFacts(db, measure.id, measure, measure)
  measure.events.forEach((event) => insertEvent(db, measure.id, event))
  if (!options.staging) refreshTimeline(db, measure.id)
  measure.sources.forEach((source, position) => insertSource(db, measure.id, source, position))
  measure.notes.forEach((note) => insertNote(db, measure.id, note))
  measure.progress.forEach((entry) => insertProgress(db, measure.id, entry))
  writeWatchTerms(db, measure.id, measure.watch)
  for (const row of inbound)
    insertLink(db, row.measure_id as string, { targetId: measure.id, relation: row.relation as MeasureLink['relation'] })
}

export function writeLinks(db: Db, measure: Pick<Measure, 'id' | 'links'>): void {
  measure.links.forEach((link) => insertLink(db, measure.id, link))
}

function groupRows(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = row.measure_id as string
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  return groups
}

/** Each table's rows of every measure, by measure id and in a measure's own order (export). */
export const CHILD_ROWS_SQL: Readonly<Record<keyof MeasureChildRows, string>> = {
  tags: 'SELECT measure_id, tag FROM measure_tags ORDER BY measure_id, position',
  events: 'SELECT * FROM events ORDER BY measure_id, at_ms, id',
  sources: 'SELECT * FROM sources ORDER BY measure_id, position',
  links: 'SELECT * FROM links ORDER BY measure_id, target_id',
  notes: 'SELECT * FROM notes WHERE deleted_at IS NULL ORDER BY measure_id, pinned DESC, created_at DESC',
  progress: 'SELECT * FROM commitment_progress ORDER BY measure_id, as_of_ms, id',
  watch: 'SELECT measure_id, terms FROM watch_terms ORDER BY measure_id',
}

/** Every measure, deleted ones included, in id order: one query per table. */
export function readAllMeasures(db: Db): StoredMeasure[] {
  const rowsOf = (table: keyof MeasureChildRows) => groupRows(statement(db, CHILD_ROWS_SQL[table]).all() as Row[])
  const tags = rowsOf('tags')
  const events = rowsOf('events')
  const sources = rowsOf('sources')
  const links = rowsOf('links')
  const notes = rowsOf('notes')
  const progress = rowsOf('progress')
  const watch = rowsOf('watch')
  return (statement(db, 'SELECT * FROM measures ORDER BY id').all() as Row[]).map((m) => {
    const id = m.id as string
    return measureFromRows(m, {
      tags: tags.get(id) ?? [],
      events: events.get(id) ?? [],
      sources: sources.get(id) ?? [],
      links: links.get(id) ?? [],
      notes: notes.get(id) ?? [],
      progress: progress.get(id) ?? [],
      watch: watch.get(id) ?? [],
    })
  })
}

/** A measure's rows of each table, in the order readAllMeasures reads them. */
export type MeasureChildRows = Record<'tags' | 'events' | 'sources' | 'links' | 'notes' | 'progress' | 'watch', Row[]>

/** A whole measure from its row and its rows in the other tables (readAllMeasures, store/measure-cursor.ts). */
export function measureFromRows(m: Row, rows: MeasureChildRows): StoredMeasure {
  const watch = termsFromCell(rows.watch[0]?.terms)
  return {
    ...factsFromRow(m),
    id: m.id as string,
    events: rows.events.map(eventFromRow),
    sources: rows.sources.map(sourceFromRow),
    links: rows.links.map((l) => ({ targetId: l.target_id as string, relation: l.relation as MeasureLink['relation'] })),
    notes: rows.notes.map(noteFromRow),
    progress: rows.progress.map(progressFromRow),
    tags: rows.tags.map((t) => t.tag as string),
    ...(watch ? { watch } : {}),
    createdAt: m.created_at as string,
    updatedAt: m.updated_at as string,
    deletedAt: m.deleted_at as string | null,
  }
}
