// Command-line options the app honours: `--db=PATH` (or `--db PATH`) picks the database file or
// team database, as it does for the command line and the browser host (the order against the
// environment and Settings: team-database-choice.ts).

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
