// Migration 9 (issue 16): updating the database from a newer version of its dataset.
// - dataset_base: each dataset measure as last applied (seeded or updated), in the exchange form.
//   It is the "base" of the three-way merge: what differs from it in the database is the user's.
//   Databases seeded before this migration have no rows: their base is the embedded dataset as it
//   is now (core/dataset-update/dataset-state.ts), which is what they were seeded from or close to it.
// - dataset_undo: the last dataset update, with what is needed to reverse it exactly: the dataset
//   identity before, and each touched measure and base row as they were (null: did not exist).
//   Only the newest row is undone; undoing deletes it.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_9 = `
  CREATE TABLE dataset_base (
    measure_id TEXT PRIMARY KEY,
    measure TEXT NOT NULL
  ) STRICT;
  CREATE TABLE dataset_undo (
    id INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL,
    from_identity TEXT,
    to_identity TEXT NOT NULL,
    before TEXT NOT NULL
  ) STRICT;
`
