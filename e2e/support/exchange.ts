// Putting many notes on a measure at once, the way a person moving data between machines would:
// the command line exports the database, the notes go into one measure's `notes`, and the file is
// imported back with --replace. One process start each way instead of one per note.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from './cli.ts'

interface ExchangeNote {
  id: string
  body: string
  pinned: boolean
  createdAt: string
  updatedAt: string
}

interface ExchangeFile {
  format: string
  version: number
  measures: { id: string; notes: ExchangeNote[]; [key: string]: unknown }[]
  [key: string]: unknown
}

/**
 * Adds `bodies` as notes of measure `measureId` (ids `<prefix>-000`, …; created a minute apart,
 * the first one oldest) through `export --format json` and `import --replace`. Returns the ids.
 */
export async function importNotes(
  dbPath: string,
  measureId: string,
  bodies: readonly string[],
  options: { pinned?: boolean; prefix?: string } = {},
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-e2e-notes-'))
  const file = join(dir, 'exchange.json')
  try {
    await cli(dbPath, 'export', '--format', 'json', '--out', file)
    const exchange = JSON.parse(readFileSync(file, 'utf8')) as ExchangeFile
    const measure = exchange.measures.find((m) => m.id === measureId)
    if (!measure) throw new Error(`no measure ${measureId} in the export`)
    const start = Date.parse('2026-11-01T12:00:00Z')
    const prefix = options.prefix ?? 'e2e-note'
    const added = bodies.map((body, i): ExchangeNote => {
      const at = new Date(start + i * 60_000).toISOString()
      return { id: `${prefix}-${String(i).padStart(3, '0')}`, body, pinned: options.pinned ?? false, createdAt: at, updatedAt: at }
    })
    measure.notes = [...(measure.notes ?? []), ...added]
    // The whole file goes back (an export's links must resolve inside the file); --replace swaps
    // each measure for its exported self, so only this one changes.
    writeFileSync(file, JSON.stringify(exchange))
    await cli(dbPath, 'import', file, '--replace')
    return added.map((note) => note.id)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
