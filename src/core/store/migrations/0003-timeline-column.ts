// Migration 3, released: each measure's events folded into one JSON column, kept in step by
// measure-rows.ts, so the board reads 10,000 rows instead of 100,000 (a cache of stored facts, not
// of status).
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
// The UPDATE fills the column as version 3 read it, ten fields per event: [id, kind, at, at_ms,
// until, until_ms, scheduled, rate, scope, has_alternatives]. Version 4 rebuilds it with more.
export const MIGRATION_3 = `
  ALTER TABLE measures ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
  UPDATE measures SET timeline = (SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]'))
  FROM (SELECT * FROM events WHERE measure_id = measures.id ORDER BY at_ms, id));
  `
