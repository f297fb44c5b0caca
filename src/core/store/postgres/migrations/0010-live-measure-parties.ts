// PostgreSQL migration 10: SQLite's migration 10 (an index of the live measures' parties, for the
// board's count and facets).
// No imports and no interpolation, so nothing outside this file can change what it runs.
export const POSTGRES_MIGRATION_10 = `
  CREATE INDEX measures_live_parties ON measures(deleted_at, imposer, target);
  `
