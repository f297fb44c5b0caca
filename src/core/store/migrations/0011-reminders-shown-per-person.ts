// Migration 11 (issue 17): a reminder is marked shown per person. On a team database everyone
// shares the deadlines, and each person's app must still show each reminder once to them: the
// mark now says to whom (`shown_to`: the database user; '' on a file, which has one person).
// SQLite cannot change a primary key in place, so the table is rebuilt with its rows kept.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_11 = `
  CREATE TABLE reminders_shown_per_person (
    key TEXT NOT NULL,
    measure_id TEXT NOT NULL,
    transition_at TEXT NOT NULL,
    lead_days INTEGER NOT NULL,
    shown_at TEXT NOT NULL,
    missed INTEGER NOT NULL DEFAULT 0,
    shown_to TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (key, shown_to)
  ) STRICT;
  INSERT INTO reminders_shown_per_person (key, measure_id, transition_at, lead_days, shown_at, missed)
    SELECT key, measure_id, transition_at, lead_days, shown_at, missed FROM reminders_shown;
  DROP TABLE reminders_shown;
  ALTER TABLE reminders_shown_per_person RENAME TO reminders_shown;
`
