// PostgreSQL migration 4: SQLite's migration 4 (rates as numbers, partial suspensions, commitments
// and their progress). SQLite's step ends by rebuilding the timeline column of existing measures;
// there are none at this version on PostgreSQL (see migration 3).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_4 = `
  ALTER TABLE measures ADD COLUMN rate_value text COLLATE "C";
  ALTER TABLE measures ADD COLUMN commitment text COLLATE "C";
  ALTER TABLE events ADD COLUMN rate_value text COLLATE "C";
  ALTER TABLE events ADD COLUMN part text COLLATE "C";
  ALTER TABLE events ADD COLUMN when_suspended text COLLATE "C";

  CREATE TABLE commitment_progress (
    measure_id text COLLATE "C" NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id text COLLATE "C" NOT NULL,
    value double precision NOT NULL,
    as_of text COLLATE "C" NOT NULL,
    as_of_ms bigint NOT NULL,
    source_ids text COLLATE "C" NOT NULL DEFAULT '[]',
    note text COLLATE "C" NOT NULL DEFAULT '',
    recorded_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (measure_id, id)
  );
  CREATE INDEX commitment_progress_by_measure ON commitment_progress(measure_id, as_of_ms);
  `
