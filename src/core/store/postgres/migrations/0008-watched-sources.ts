// PostgreSQL migration 8: SQLite's migration 8 (watch terms, feeds, checks and hits).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_8 = `
  CREATE TABLE watch_terms (
    measure_id text COLLATE "C" PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    terms text COLLATE "C" NOT NULL
  );

  CREATE TABLE watch_feeds (
    id text COLLATE "C" PRIMARY KEY,
    url text COLLATE "C" NOT NULL UNIQUE,
    title text COLLATE "C" NOT NULL DEFAULT '',
    keywords text COLLATE "C" NOT NULL DEFAULT '[]',
    enabled bigint NOT NULL DEFAULT 1,
    created_at text COLLATE "C" NOT NULL
  );

  CREATE TABLE watch_checks (
    target text COLLATE "C" PRIMARY KEY,
    last_success_ms bigint,
    last_attempt_ms bigint,
    failures bigint NOT NULL DEFAULT 0,
    last_error text COLLATE "C"
  );

  CREATE TABLE watch_hits (
    id text COLLATE "C" PRIMARY KEY,
    measure_id text COLLATE "C" NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    origin text COLLATE "C" NOT NULL,
    publisher text COLLATE "C" NOT NULL DEFAULT '',
    document_key text COLLATE "C" NOT NULL,
    title text COLLATE "C" NOT NULL,
    document_type text COLLATE "C" NOT NULL DEFAULT '',
    published text COLLATE "C",
    effective text COLLATE "C",
    url text COLLATE "C" NOT NULL,
    matched text COLLATE "C" NOT NULL DEFAULT '',
    found_at text COLLATE "C" NOT NULL,
    found_ms bigint NOT NULL,
    resolution text COLLATE "C",
    resolved_at text COLLATE "C",
    UNIQUE (measure_id, origin, document_key)
  );
  CREATE INDEX watch_hits_open ON watch_hits(measure_id, found_ms) WHERE resolution IS NULL;
  `
