// Migration 8 (issue 16): watching official sources.
// - watch_terms: a measure's watch terms (Federal Register agencies, dockets, executive orders, CFR
//   parts, RINs, phrases) as one JSON object; part of the measure (exported, imported, restored).
// - watch_feeds: the RSS/Atom feeds the user added, each with its keyword rule and its switch.
// - watch_checks: per target ('federal-register' or 'feed:<id>') when it was last checked, how many
//   checks failed in a row (the back-off) and the last error — what Settings → Network shows.
// - watch_hits: a document found for a measure, open until dismissed or cited by an event. One row
//   per (measure, origin, document), so a document found again is never shown again once handled.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_8 = `
  CREATE TABLE watch_terms (
    measure_id TEXT PRIMARY KEY REFERENCES measures(id) ON DELETE CASCADE,
    terms TEXT NOT NULL
  ) STRICT;

  CREATE TABLE watch_feeds (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE watch_checks (
    target TEXT PRIMARY KEY,
    last_success_ms INTEGER,
    last_attempt_ms INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  ) STRICT;

  CREATE TABLE watch_hits (
    id TEXT PRIMARY KEY,
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    document_key TEXT NOT NULL,
    title TEXT NOT NULL,
    document_type TEXT NOT NULL DEFAULT '',
    published TEXT,
    effective TEXT,
    url TEXT NOT NULL,
    matched TEXT NOT NULL DEFAULT '',
    found_at TEXT NOT NULL,
    found_ms INTEGER NOT NULL,
    resolution TEXT,
    resolved_at TEXT,
    UNIQUE (measure_id, origin, document_key)
  ) STRICT;
  CREATE INDEX watch_hits_open ON watch_hits(measure_id, found_ms) WHERE resolution IS NULL;
  `
