// PostgreSQL migration 5: SQLite's migration 5 (what calendars that imported an earlier export
// must still be told: cancellations and each measure's rising SEQUENCE).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_5 = `
  CREATE TABLE calendar_cancellations (
    uid text COLLATE "C" PRIMARY KEY,
    measure_id text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    kind text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    at_ms bigint NOT NULL,
    title text COLLATE "C" NOT NULL,
    instrument text COLLATE "C" NOT NULL DEFAULT '',
    reason text COLLATE "C" NOT NULL,
    moved_to text COLLATE "C",
    sequence bigint NOT NULL,
    cancelled_at text COLLATE "C" NOT NULL,
    cancelled_ms bigint NOT NULL
  );
  CREATE INDEX calendar_cancellations_by_measure ON calendar_cancellations(measure_id);
  CREATE INDEX calendar_cancellations_by_time ON calendar_cancellations(cancelled_ms);

  CREATE TABLE calendar_sequences (
    measure_id text COLLATE "C" PRIMARY KEY,
    sequence bigint NOT NULL
  );
  `
