// The command line run in-process on a fresh database holding a few invented measures.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/cli.ts'
import { tempDir } from './temp-store.ts'

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const source = { id: 'src', url: 'https://example.org/notice', title: 'Notice', publisher: 'Example', date: null, confidence: 'official' }

/** A US tariff on CN in force since 9 Apr 2025, with `extra` events after that and the given title. */
export function fixtureMeasure(id: string, title: Record<string, string>, extra: Record<string, unknown>[] = []) {
  const effective = { id: 'effective', kind: 'effective', at: '2025-04-09T00:01:00-04:00[America/New_York]', sourceIds: ['src'] }
  return {
    id,
    title,
    imposer: 'US',
    target: 'CN',
    category: 'tariff',
    sources: [source],
    events: [effective, ...extra.map((event) => ({ sourceIds: ['src'], ...event }))],
  }
}

/** A new database (in a new temporary folder) with `measures` imported through the command line. */
export async function databaseWith(measures: readonly object[]): Promise<{ dir: string; db: string }> {
  const dir = tempDir('mt-cli-')
  const db = join(dir, 'm.db')
  const file = join(dir, 'measures.json')
  writeFileSync(file, JSON.stringify({ format: 'measure-tracker', version: 2, measures }))
  const run = await cli('--db', db, 'import', file)
  if (run.code !== 0) throw new Error(`import failed: ${run.err}`)
  return { dir, db }
}
