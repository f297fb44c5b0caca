// Migration 5 (issue 13): what calendars that imported or subscribed to an earlier export must
// still be told. A transition that leaves a measure's life (an extension moved the end, an event
// was removed, the measure was deleted) leaves nothing to derive its cancellation from, so the
// change that removes it records it here; a calendar's SEQUENCE must also keep rising for a
// measure whose data went back in time (a backup restored). See core/service/calendar-ledger.ts.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_5 = `
  CREATE TABLE calendar_cancellations (
    uid TEXT PRIMARY KEY,
    measure_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    title TEXT NOT NULL,
    instrument TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    moved_to TEXT,
    sequence INTEGER NOT NULL,
    cancelled_at TEXT NOT NULL,
    cancelled_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX calendar_cancellations_by_measure ON calendar_cancellations(measure_id);
  CREATE INDEX calendar_cancellations_by_time ON calendar_cancellations(cancelled_ms);

  CREATE TABLE calendar_sequences (
    measure_id TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL
  ) STRICT;
  `
