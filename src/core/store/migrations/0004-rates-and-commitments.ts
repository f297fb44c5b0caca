// Migration 4, released: rates as numbers, partial suspensions, rate steps' suspension policy,
// commitments and their progress (issue 10); the timeline cache carries the new event fields.
// Existing rows get no number and no part: no value is guessed from the free-text rate.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
// The last UPDATE rebuilds the timeline column with the thirteen fields of version 4: the text of
// TIMELINE_SELECT (timeline-column.ts) at release, with ?1 written as measures.id, copied rather
// than interpolated so a later change to the live query does not silently edit this step.
export const MIGRATION_4 = `
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

  UPDATE measures SET timeline = (SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]',
    json(rate_value), json(part), when_suspended))
  FROM (SELECT * FROM events WHERE measure_id = measures.id ORDER BY at_ms, id));
  `
