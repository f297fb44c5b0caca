// Migration 6 (issue 13): a measure's words in Chinese. The English stays in each field; the
// Chinese of a measure's short name, authority, instrument, scope and summary, of an event's note
// and scope, and of a source's title is one JSON column per table (`translations`, NULL when there
// is none), in the shape of the domain's `translations` objects. `title_converted` names the title
// script the app derived from the other with OpenCC (NULL: none); inside `translations` and a
// commitment's unit the same mark is the key "converted". Existing titles keep what they hold; the
// scripts they lack are derived by code after opening (store/derived-scripts.ts), not in SQL.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_6 = `
  ALTER TABLE measures ADD COLUMN title_converted TEXT;
  ALTER TABLE measures ADD COLUMN translations TEXT;
  ALTER TABLE events ADD COLUMN translations TEXT;
  ALTER TABLE sources ADD COLUMN translations TEXT;
  `
