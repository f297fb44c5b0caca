// Issue 9: a hostile import file must be refused with a clear message by the real command-line
// process, with bounded memory (peak RSS under 500 MB) and the database left as it was. The
// files are generated here (12 MB and 150 MB), never committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../src/cli/cli.ts'
import { tempDir } from './helpers/temp-store.ts'
import { runCliProcess, writeHostileFile } from './helpers/hostile-import.ts'

const RSS_CEILING_MB = 500

let dir: string
let db: string
let before: unknown

async function exportedMeasures(): Promise<unknown> {
  const out: string[] = []
  const code = await runCli(['--db', db, 'export'], { out: (t) => out.push(t), err: () => {} })
  expect(code).toBe(0)
  return (JSON.parse(out.join('\n')) as { measures: unknown }).measures
}

beforeAll(async () => {
  dir = tempDir('mt-hostile-')
  db = join(dir, 'm.db')
  before = await exportedMeasures() // opens and seeds the sample data
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function importHostile(name: string, count: number, element: (i: number) => string) {
  const file = join(dir, name)
  await writeHostileFile(file, count, element)
  const run = await runCliProcess(['--db', db, 'import', file], join(dir, `${name}.rss`))
  rmSync(file)
  return run
}

describe('importing a hostile file through the command line', () => {
  it('refuses 12 MB of empty measures (four million of them) by their count, before parsing', async () => {
    const run = await importHostile('empties-12mb.json', 4_000_000, () => '{}')
    expect(run.err).toContain('measures has more than 100000 entries; the limit is 100000. Nothing was changed.')
    expect(run.code).toBe(2)
    expect(run.peakRssMb).toBeLessThan(RSS_CEILING_MB)
    expect(await exportedMeasures()).toEqual(before)
  })

  it('refuses 11 MB of measures that are all invalid, naming the first 100 problems and saying there are more', async () => {
    const element = (i: number) => `{"id":"X${i}","title":1,"imposer":"ZZ","target":"ZZ","category":"nope","events":[${i}],"sources":1}`
    const run = await importHostile('invalid-11mb.json', 100_000, element)
    expect(run.code).toBe(2)
    expect(run.err).toContain('The file is not a valid Measure Tracker export: measures[0].title:')
    expect(run.err).toMatch(/\(and more: checking stopped after the first 100 problems, at measures\[\d+\]\)/)
    // One line per kept problem, not one per problem in the file.
    const problemLines = run.err.split('\n').filter((line) => line.startsWith('  measures['))
    expect(problemLines).toHaveLength(100)
    expect(run.peakRssMb).toBeLessThan(RSS_CEILING_MB)
    expect(await exportedMeasures()).toEqual(before)
  })

  // Issue 14: a file is read one measure at a time, so its size alone is no reason to refuse it
  // (it was refused whole by a parse budget before); each measure is small, and checking stops
  // at the first measure's problems.
  it('refuses a 150 MB file (100,000 measures of 500 empty events), reading one measure at a time', async () => {
    const measure = `{"id":"a","events":[${Array(500).fill('{}').join(',')}]}`
    const run = await importHostile('events-150mb.json', 100_000, () => measure)
    expect(run.err).toContain('The file is not a valid Measure Tracker export: measures[0].title:')
    expect(run.err).toMatch(/\(and more: checking stopped after the first 100 problems, at measures\[\d+\]\)/)
    expect(run.code).toBe(2)
    expect(run.peakRssMb).toBeLessThan(RSS_CEILING_MB)
    expect(await exportedMeasures()).toEqual(before)
  }, 120_000)
})
