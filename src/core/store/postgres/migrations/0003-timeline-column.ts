// PostgreSQL migration 3: SQLite's migration 3 (each measure's events folded into one JSON text
// column, kept in step by the code). SQLite's step also fills the column for existing measures;
// here there are none: a PostgreSQL database is only ever created by this list from version 0,
// under the migration lock, before any measure can be written (see ../migrate.ts). From version 10
// on, every step must convert existing rows itself.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_3 = `
  ALTER TABLE measures ADD COLUMN timeline text COLLATE "C" NOT NULL DEFAULT '[]';
  `
