// Migration 1, released: measures and their life (facts, tags, events, sources, links, notes),
// the audit log and settings.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_1 = `
  CREATE TABLE measures (
    id TEXT PRIMARY KEY,
    title_en TEXT NOT NULL,
    title_zh_hant TEXT,
    title_zh_hans TEXT,
    short_name TEXT NOT NULL DEFAULT '',
    imposer TEXT NOT NULL,
    target TEXT NOT NULL,
    category TEXT NOT NULL,
    authority TEXT NOT NULL DEFAULT '',
    instrument TEXT NOT NULL DEFAULT '',
    instrument_number TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    rate TEXT,
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;

  CREATE TABLE measure_tags (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (measure_id, tag)
  ) STRICT;
  CREATE INDEX measure_tags_by_tag ON measure_tags(tag);

  CREATE TABLE events (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    until TEXT,
    until_ms INTEGER,
    scheduled INTEGER NOT NULL DEFAULT 0,
    rate TEXT,
    scope TEXT,
    note TEXT NOT NULL DEFAULT '',
    source_ids TEXT NOT NULL DEFAULT '[]',
    alternatives TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (measure_id, id)
  ) STRICT;
  CREATE INDEX events_by_measure_time ON events(measure_id, at_ms);

  CREATE TABLE sources (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    date TEXT,
    confidence TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (measure_id, id)
  ) STRICT;

  CREATE TABLE links (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    PRIMARY KEY (measure_id, target_id)
  ) STRICT;

  -- Notes are edited by their own feature; the table is here so exports keep them from day one.
  CREATE TABLE notes (
    measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (measure_id, id)
  ) STRICT;

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    measure_id TEXT,
    before_json TEXT,
    after_json TEXT
  ) STRICT;
  CREATE INDEX audit_by_measure ON audit(measure_id, id);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `
