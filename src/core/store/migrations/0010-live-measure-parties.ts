// Migration 10 (issue 14): an index of the live measures' parties. The board asks, before its first
// page, how many live measures there are (meta.info) and which parties and tags they have
// (measures.facets); without it each question read the whole measures table (wide rows: their
// texts and timelines) — 0.2–1.4 s at 100,000 measures. With it the count and the parties are read
// from the index alone, and the tag list leaves out deleted measures by the same index.
// Frozen text: never edit it (migrations.test.ts pins its SHA-256); add a new migration instead.
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const MIGRATION_10 = `
  CREATE INDEX measures_live_parties ON measures(deleted_at, imposer, target);
`
