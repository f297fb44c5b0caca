// Command-line options the app honours: `--db=PATH` (or `--db PATH`) picks the database file,
// as it does for the command line and the browser host.
import { resolveDatabasePath } from '../core/store/location.ts'

/** The value of `--db=PATH` / `--db PATH`, the last one winning; undefined when absent. */
export function dbArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === undefined || arg === '--') continue
    if (arg.startsWith('--db=')) found = arg.slice('--db='.length) || undefined
    else if (arg === '--db') {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--')) {
        found = next
        i++
      }
    }
  }
  return found
}

/** --db, then MEASURE_TRACKER_DB, then the shared default under the app's data folder. */
export function databasePathFor(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  return resolveDatabasePath(dbArgument(argv), env)
}
