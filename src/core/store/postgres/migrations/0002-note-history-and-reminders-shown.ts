// PostgreSQL migration 2: SQLite's migration 2 (note edit history, reminders already shown).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_2 = `
  CREATE TABLE note_revisions (
    measure_id text COLLATE "C" NOT NULL,
    note_id text COLLATE "C" NOT NULL,
    body text COLLATE "C" NOT NULL,
    edited_at text COLLATE "C" NOT NULL,
    FOREIGN KEY (measure_id, note_id) REFERENCES notes(measure_id, id) ON DELETE CASCADE
  );
  CREATE INDEX note_revisions_by_note ON note_revisions(measure_id, note_id, edited_at);

  CREATE TABLE reminders_shown (
    key text COLLATE "C" PRIMARY KEY,
    measure_id text COLLATE "C" NOT NULL,
    transition_at text COLLATE "C" NOT NULL,
    lead_days bigint NOT NULL,
    shown_at text COLLATE "C" NOT NULL,
    missed bigint NOT NULL DEFAULT 0
  );
  `
