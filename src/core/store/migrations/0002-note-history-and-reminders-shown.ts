// Migration 2, released: note edit history, and which reminders were already shown.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_2 = `
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
  `
