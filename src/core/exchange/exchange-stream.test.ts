// Export and import a measure at a time (issue 14): the streamed export writes what the whole-file
// export wrote, byte for byte; what the command line exports, it imports back exactly; the streamed
// import checks what the whole-file check did — links to later measures, duplicate ids, damage
// between measures — and writes nothing of a refused file.
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { cli } from '../../../test/helpers/run-cli.ts'
import { openTempStore, tempDir, type TempStore } from '../../../test/helpers/temp-store.ts'
import { exportFile } from '../service/exchange.ts'
import { exportChunks } from '../service/exchange-stream.ts'

const NOW = Date.parse('2026-11-20T12:00:00Z')
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function store(seed: boolean): Promise<TempStore> {
  const opened = await openTempStore({ seed, nowMs: () => NOW })
  cleanups.push(opened.cleanup)
  return opened
}

function folder(): string {
  const dir = tempDir('mt-stream-')
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The file without its "exportedAt" line: the moment of the export is the one thing that differs. */
const withoutExportedAt = (text: string) => text.replace(/\n {2}"exportedAt": "[^"]*",/, '')

describe('the streamed export', () => {
  it('writes byte for byte what JSON.stringify of the whole file wrote, with a final newline', async () => {
    const { store: seeded } = await store(true)
    const ctx = seeded.core.context
    const written = { measures: 0 }
    expect([...exportChunks(ctx, written)].join('')).toBe(`${JSON.stringify(exportFile(ctx), null, 2)}\n`)
    expect(written.measures).toBe(exportFile(ctx).measures.length)
    const { store: empty } = await store(false)
    expect([...exportChunks(empty.core.context)].join('')).toBe(`${JSON.stringify(exportFile(empty.core.context), null, 2)}\n`)
  })
})

describe('export → import into a new database → export, through the command line', () => {
  it('gives the same file again (all but the moment of export), for generated measures with links between them', async () => {
    const dir = folder()
    const source = join(dir, 'generated.json')
    writeFileSync(source, JSON.stringify(generateExchangeFile(300), null, 2))
    const first = join(dir, 'first.json')
    const second = join(dir, 'second.json')
    expect((await cli('--db', join(dir, 'a.db'), 'import', source)).code).toBe(0)
    expect((await cli('--db', join(dir, 'a.db'), 'export', '--out', first)).out).toBe('Exported 300 measures to ' + first)
    const imported = await cli('--db', join(dir, 'b.db'), 'import', first, '--json')
    expect(imported.code, imported.err).toBe(0)
    expect(JSON.parse(imported.out).created).toHaveLength(300)
    expect((await cli('--db', join(dir, 'b.db'), 'export', '--out', second)).code).toBe(0)
    expect(withoutExportedAt(readFileSync(second, 'utf8'))).toBe(withoutExportedAt(readFileSync(first, 'utf8')))
    // On stdout, the same text (the printer drops only the final newline).
    const printed = await cli('--db', join(dir, 'b.db'), 'export')
    expect(withoutExportedAt(`${printed.out}\n`)).toBe(withoutExportedAt(readFileSync(first, 'utf8')))
  })
})

describe('export --format ics on stdout', () => {
  it('prints the bytes --out writes, CRLF line ends included, across the megabyte pieces the printer flushes', async () => {
    const dir = folder()
    const source = join(dir, 'generated.json')
    writeFileSync(source, JSON.stringify(generateExchangeFile(500), null, 2))
    const db = join(dir, 'm.db')
    expect((await cli('--db', db, 'import', source)).code).toBe(0)
    const ics = join(dir, 'all.ics')
    expect((await cli('--db', db, 'export', '--format', 'ics', '--out', ics)).code).toBe(0)
    const file = readFileSync(ics, 'utf8')
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024)
    const printed = await cli('--db', db, 'export', '--format', 'ics')
    expect(printed.code).toBe(0)
    // The printer ends every text with LF (main.ts writes text + "\n").
    expect(`${printed.out}\n` === file).toBe(true)
  })
})

describe('the streamed import', () => {
  const file = (measures: unknown[], version = 3) => JSON.stringify({ format: 'measure-tracker', version, measures })
  const measure = (id: string, extra: object = {}) => ({ id, title: { en: id }, imposer: 'US', target: 'CN', category: 'tariff', ...extra })

  async function importText(text: string, ...flags: string[]) {
    const dir = folder()
    const path = join(dir, 'in.json')
    writeFileSync(path, text)
    const db = join(dir, 'm.db')
    const run = await cli('--db', db, 'import', path, ...flags)
    // Exporting a database the refused import left empty seeds it with the sample data: look for the file's ids.
    const exported = await cli('--db', db, 'export')
    const measures = (JSON.parse(exported.out) as { measures: { id: string }[] }).measures
    return { ...run, measures, fromFile: measures.map((m) => m.id).filter((id) => ['a', 'b'].includes(id)) }
  }

  it('imports a link to a measure that comes later in the file, and a version 1 file', async () => {
    const run = await importText(file([measure('a', { links: [{ targetId: 'b', relation: 'counter' }] }), measure('b')], 1))
    expect(run.code, run.err).toBe(0)
    expect(run.fromFile).toEqual(['a', 'b'])
    expect(run.measures[0]).toMatchObject({ links: [{ targetId: 'b', relation: 'counter' }] })
  })

  it('refuses a link out of the file and a duplicate id, naming them, and writes nothing', async () => {
    const run = await importText(file([measure('a', { links: [{ targetId: 'gone', relation: 'counter' }] }), measure('b'), measure('b')]))
    expect(run.code).toBe(2)
    expect(run.err).toContain('measures[2].id: duplicate id "b" (also measures[1])')
    expect(run.err).toContain('measures[0].links[0].targetId: links to "gone", which is not in the file')
    expect(run.fromFile).toEqual([])
  })

  it('refuses a file with a comma missing between two measures, which no measure on its own shows', async () => {
    const text = file([measure('a'), measure('b')]).replace('},{', '}{')
    const run = await importText(text)
    expect(run.code).toBe(2)
    expect(run.err).toContain('is not valid JSON')
    expect(run.err).toContain('a comma is missing before measures[1]')
    expect(run.fromFile).toEqual([])
  })

  it('refuses a truncated file and a measure that is not JSON, naming where', async () => {
    const truncated = await importText(file([measure('a'), measure('b')]).slice(0, -20))
    expect(truncated.code).toBe(2)
    expect(truncated.err).toMatch(/not valid JSON.*ends before its JSON does/)
    const damaged = await importText(file([measure('a'), measure('b')]).replace('"id":"b"', '"id":b'))
    expect(damaged.code).toBe(2)
    expect(damaged.err).toMatch(/not valid JSON \(truncated or damaged\?\): measures\[1\]: /)
    expect(damaged.fromFile).toEqual([])
  })
})
