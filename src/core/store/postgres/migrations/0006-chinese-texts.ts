// PostgreSQL migration 6: SQLite's migration 6 (a measure's words in Chinese: one JSON text column
// per table, and which title script was derived).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_6 = `
  ALTER TABLE measures ADD COLUMN title_converted text COLLATE "C";
  ALTER TABLE measures ADD COLUMN translations text COLLATE "C";
  ALTER TABLE events ADD COLUMN translations text COLLATE "C";
  ALTER TABLE sources ADD COLUMN translations text COLLATE "C";
  `
