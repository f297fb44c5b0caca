// PostgreSQL migration 11: SQLite's migration 11 (a reminder is marked shown per person:
// `shown_to`, the database user). PostgreSQL changes the key in place.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_11 = `
  ALTER TABLE reminders_shown ADD COLUMN shown_to text COLLATE "C" NOT NULL DEFAULT '';
  ALTER TABLE reminders_shown DROP CONSTRAINT reminders_shown_pkey;
  ALTER TABLE reminders_shown ADD PRIMARY KEY (key, shown_to);
  `
