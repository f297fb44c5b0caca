// Numbered schema steps. Step N brings the schema from user_version N-1 to N; each runs in one
// transaction together with its user_version bump (see database.ts). Never edit a released step:
// add a new one.
/**
 * The timeline as migration 3 built it. Frozen: migration 3 must keep running on files that do
 * not have migration 4's columns yet.
 */
const TIMELINE_SELECT_V3 = `SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]'))
  FROM (SELECT * FROM events WHERE measure_id = ?1 ORDER BY at_ms, id)`

/**
 * The JSON a measure's `timeline` column holds: its events in time order as
 * [id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, has_alternatives,
 *  rate_value, part, when_suspended] (rate_value and part as JSON objects or null).
 */
export const TIMELINE_SELECT = `SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]',
    json(rate_value), json(part), when_suspended))
  FROM (SELECT * FROM events WHERE measure_id = ?1 ORDER BY at_ms, id)`

export const MIGRATIONS: readonly string[] = [
  // 1: measures and their life
  `
  CREATE TABLE measures (
    id TEXT PRIMARY KEY,
    title_en TEXT NOT NULL,
    title_zh_hant TEXT,
    title_zh_hans TEXT,
    short_name TEXT NOT NULL DEFAULT '',
    imposer TEXT NOT NULL,
    target TEXT NOT NULL,
    category TEXT NOT NULL,
    authority TEXT NOT NULL DEFAULT '',
    instrument TEXT NOT NULL DEFAULT '',
    instrument_number TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    rate TEXT,
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;

  CREATE TABLE measure_tags (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (measure_id, tag)
  ) STRICT;
  CREATE INDEX measure_tags_by_tag ON measure_tags(tag);

  CREATE TABLE events (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    until TEXT,
    until_ms INTEGER,
    scheduled INTEGER NOT NULL DEFAULT 0,
    rate TEXT,
    scope TEXT,
    note TEXT NOT NULL DEFAULT '',
    source_ids TEXT NOT NULL DEFAULT '[]',
    alternatives TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (measure_id, id)
  ) STRICT;
  CREATE INDEX events_by_measure_time ON events(measure_id, at_ms);

  CREATE TABLE sources (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    date TEXT,
    confidence TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (measure_id, id)
  ) STRICT;

  CREATE TABLE links (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    PRIMARY KEY (measure_id, target_id)
  ) STRICT;

  -- Notes are edited by their own feature; the table is here so exports keep them from day one.
  CREATE TABLE notes (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (measure_id, id)
  ) STRICT;

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    measure_id TEXT,
    before_json TEXT,
    after_json TEXT
  ) STRICT;
  CREATE INDEX audit_by_measure ON audit(measure_id, id);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 2: note edit history, and which reminders were already shown
  `
  CREATE TABLE note_revisions (
    measure_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    body TEXT NOT NULL,
    edited_at TEXT NOT NULL,
    FOREIGN KEY (measure_id, note_id) REFERENCES notes(measure_id, id) ON DELETE CASCADE
  ) STRICT;
  CREATE INDEX note_revisions_by_note ON note_revisions(measure_id, note_id, edited_at);

  CREATE TABLE reminders_shown (
    key TEXT PRIMARY KEY,
    measure_id TEXT NOT NULL,
    transition_at TEXT NOT NULL,
    lead_days INTEGER NOT NULL,
    shown_at TEXT NOT NULL,
    missed INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,  // 3: each measure's events folded into one JSON column, kept in step by measure-rows.ts, so
  // the board reads 10,000 rows instead of 100,000 (a cache of stored facts, not of status)
  `
  ALTER TABLE measures ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
  UPDATE measures SET timeline = (${TIMELINE_SELECT_V3.replaceAll('?1', 'measures.id')});
  `,
  // 4: rates as numbers, partial suspensions, rate steps' suspension policy, commitments and
  // their progress (issue 10); the timeline cache carries the new event fields. Existing rows
  // get no number and no part: no value is guessed from the free-text rate.
  `
  ALTER TABLE measures ADD COLUMN rate_value TEXT;
  ALTER TABLE measures ADD COLUMN commitment TEXT;
  ALTER TABLE events ADD COLUMN rate_value TEXT;
  ALTER TABLE events ADD COLUMN part TEXT;
  ALTER TABLE events ADD COLUMN when_suspended TEXT;

  CREATE TABLE commitment_progress (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    value REAL NOT NULL,
    as_of TEXT NOT NULL,
    as_of_ms INTEGER NOT NULL,
    source_ids TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (measure_id, id)
  ) STRICT;
  CREATE INDEX commitment_progress_by_measure ON commitment_progress(measure_id, as_of_ms);

  UPDATE measures SET timeline = (${TIMELINE_SELECT.replaceAll('?1', 'measures.id')});
  `,
]
