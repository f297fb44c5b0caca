// Migration 7 (issue 14): a summary row per measure, so the board's pages, counts and search are
// answered by SQL instead of folding every measure per request (core/store/summary-table.ts).
// Each row caches what the status engine answered at `computed_ms` and the instant its answer
// stops holding (`valid_until_ms`: the next instant at which any event, suspension end, commitment
// deadline or progress entry of the measure takes effect). Triggers mark a row dirty in the same
// transaction as any change to what it derives from (the measure row — whose timeline column every
// event write rewrites —, its tags, notes, links, progress, an event's alternatives); rows are
// recomputed through the engine before anything reads them. A new measure is queued in
// measure_summary_pending and a removed row's `doc` in measure_summary_gone: tables without keys,
// so the staged import's table-by-table copy (store/staged-import.ts) never collides on them. The
// FTS5 search index is created by the code (summary-table.ts ensureSearchIndex), not here: the
// generic copies of the staged import and the restore must not meet its shadow tables in a
// staging file or a backup.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_7 = `
  CREATE TABLE measure_summary (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    dirty INTEGER NOT NULL DEFAULT 0,
    computed_ms INTEGER,
    valid_until_ms INTEGER,
    live INTEGER NOT NULL DEFAULT 1,
    imposer TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    status_rank INTEGER NOT NULL DEFAULT 0,
    needs_review INTEGER NOT NULL DEFAULT 0,
    band INTEGER NOT NULL DEFAULT 2,
    deadline_ms INTEGER NOT NULL DEFAULT 0,
    review_kind TEXT,
    review_at TEXT,
    review_ms INTEGER,
    search_text TEXT NOT NULL DEFAULT '',
    row TEXT
  ) STRICT;
  CREATE INDEX measure_summary_by_deadline ON measure_summary(live, band, deadline_ms, id);
  CREATE INDEX measure_summary_by_status ON measure_summary(live, status_rank, band, deadline_ms, id);
  CREATE INDEX measure_summary_dirty ON measure_summary(dirty) WHERE dirty = 1;
  CREATE INDEX measure_summary_valid_until ON measure_summary(valid_until_ms);
  CREATE INDEX measure_summary_live_until ON measure_summary(live, valid_until_ms);
  CREATE INDEX measure_summary_review ON measure_summary(live, needs_review, review_kind, review_at, review_ms);
  CREATE INDEX measure_summary_computed ON measure_summary(computed_ms);
  CREATE TABLE measure_summary_pending (id TEXT NOT NULL) STRICT;
  CREATE TABLE measure_summary_gone (doc INTEGER NOT NULL) STRICT;

  INSERT INTO measure_summary_pending (id) SELECT id FROM measures;

  CREATE TRIGGER measure_summary_on_insert AFTER INSERT ON measures BEGIN
    INSERT INTO measure_summary_pending (id) VALUES (new.id);
  END;
  CREATE TRIGGER measure_summary_on_update AFTER UPDATE ON measures BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.id OR id = new.id;
  END;
  CREATE TRIGGER measure_summary_on_delete AFTER DELETE ON measures BEGIN
    INSERT INTO measure_summary_gone (doc) SELECT doc FROM measure_summary WHERE id = old.id;
    DELETE FROM measure_summary WHERE id = old.id;
  END;
  CREATE TRIGGER measure_summary_tag_added AFTER INSERT ON measure_tags BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_tag_removed AFTER DELETE ON measure_tags BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id;
  END;
  CREATE TRIGGER measure_summary_note_added AFTER INSERT ON notes BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_note_changed AFTER UPDATE ON notes BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id OR id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_note_removed AFTER DELETE ON notes BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id;
  END;
  CREATE TRIGGER measure_summary_link_added AFTER INSERT ON links BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_link_changed AFTER UPDATE ON links BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id OR id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_link_removed AFTER DELETE ON links BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id;
  END;
  CREATE TRIGGER measure_summary_progress_added AFTER INSERT ON commitment_progress BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_progress_changed AFTER UPDATE ON commitment_progress BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id OR id = new.measure_id;
  END;
  CREATE TRIGGER measure_summary_progress_removed AFTER DELETE ON commitment_progress BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id;
  END;
  CREATE TRIGGER measure_summary_event_changed AFTER UPDATE ON events BEGIN
    UPDATE measure_summary SET dirty = 1 WHERE id = old.measure_id OR id = new.measure_id;
  END;
`
