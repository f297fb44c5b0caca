import Papa from 'papaparse'
import { beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../../test/helpers/temp-store.ts'
import dataset from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { cli } from '../../../test/helpers/run-cli.ts'

let dir: string
let db: string
beforeEach(() => {
  dir = tempDir('mt-cli-report-')
  db = join(dir, 'm.db')
})

const AT = '2026-11-01T12:00:00-05:00[America/New_York]'

describe('report', () => {
  it('writes HTML to stdout by default', async () => {
    const run = await cli('--db', db, 'report', '--at', AT, '--tz', 'America/New_York')
    expect(run.code, run.err).toBe(0)
    expect(run.out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(run.out).toContain('As of Nov 1, 2026, 12:00 EST')
    expect(run.out).toContain('size: A4 landscape;')
    expect(run.out.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('takes --format, --lang, --days, --include-notes, --paper and --orientation', async () => {
    const run = await cli(
      '--db',
      db,
      '--lang',
      'zh-Hans',
      '--tz',
      'Asia/Shanghai',
      'report',
      '--format',
      'json',
      '--at',
      AT,
      '--days',
      '9',
      '--include-notes',
      '--paper',
      'letter',
      '--orientation',
      'portrait',
    )
    expect(run.code, run.err).toBe(0)
    const model = JSON.parse(run.out)
    expect(model).toMatchObject({
      lang: 'zh-Hans',
      zone: 'Asia/Shanghai',
      title: '措施状态报告',
      options: { days: 9, includeNotes: true, paper: 'Letter', orientation: 'portrait' },
    })
    expect(model.asOf.at).toBe(AT)
    expect(model.notes).toEqual([])
  })

  it('reads --at in --tz like the other commands', async () => {
    const run = await cli('--db', db, '--tz', 'Asia/Shanghai', 'report', '--format', 'json', '--at', '2026-11-10')
    expect(JSON.parse(run.out).asOf.at).toBe('2026-11-10T00:00:00+08:00[Asia/Shanghai]')
  })

  it('writes a CSV with a byte-order mark to --out, and the same CSV to stdout', async () => {
    const file = join(dir, 'report.csv')
    const run = await cli('--db', db, '--tz', 'UTC', 'report', '--format', 'csv', '--at', AT, '--out', file)
    expect(run.code, run.err).toBe(0)
    expect(run.out).toBe(`Wrote the report to ${file}`)
    const text = readFileSync(file, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
    expect(rows[0]?.slice(0, 3)).toEqual(['Imposing party', 'Id', 'Measure'])
    // A header and one row per live measure of the embedded dataset.
    expect(rows).toHaveLength(1 + dataset.measures.filter((m) => !('deletedAt' in m) || m.deletedAt === null).length)
    const stdout = await cli('--db', db, '--tz', 'UTC', 'report', '--format', 'csv', '--at', AT)
    expect(`${stdout.out}\n`).toBe(text)
  })

  it('writes Markdown in Chinese', async () => {
    const run = await cli('--db', db, '--lang', 'zh-Hant', 'report', '--format', 'md', '--at', AT)
    expect(run.code, run.err).toBe(0)
    expect(run.out.startsWith('# 措施狀態報告\n')).toBe(true)
    expect(run.out).toContain('對美船舶收取船舶特別港務費')
  })

  it('exits 2 for bad options, 1 when the file cannot be written', async () => {
    for (const args of [
      ['--format', 'pdf'],
      ['--days', '0'],
      ['--days', 'ten'],
      ['--days', '99999'],
      ['--paper', 'A5'],
      ['--orientation', 'sideways'],
      ['--at', 'tomorrow'],
      ['extra'],
    ]) {
      const run = await cli('--db', db, 'report', ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.err).toMatch(/^measure-tracker: /)
    }
    const missing = join(dir, 'no-such-folder', 'r.html')
    const run = await cli('--db', db, 'report', '--out', missing)
    expect(run.code).toBe(1)
    expect(run.err).toContain('Cannot write')
    expect(existsSync(missing)).toBe(false)
  })

  it('is listed in --help', async () => {
    const run = await cli('--help')
    expect(run.out).toContain('report [--at INSTANT] [--format html|md|csv|json] [--out FILE]')
  })
})

describe('report --measure', () => {
  const PORTS = 'us-ustr-301-ships'
  const title = dataset.measures.find((m) => m.id === PORTS)!.title

  it('prints the measure’s one-page brief as HTML, in portrait, with dates on the legal clock', async () => {
    const run = await cli('--db', db, '--tz', 'Asia/Shanghai', 'report', '--measure', PORTS, '--at', AT, '--paper', 'letter')
    expect(run.code, run.err).toBe(0)
    expect(run.out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(run.out).toContain('size: letter portrait;')
    expect(run.out).toContain(`<h1>${title.en}</h1>`)
    for (const heading of ['Facts', 'Status', 'Suspension chain', 'Pinned notes', 'Sources'])
      expect(run.out).toContain(`<h2>${heading}</h2>`)
    // The suspension's end on its own clock (eastern time), Beijing's in brackets.
    expect(run.out).toMatch(/Nov 10, 2026, 00:01 EST <span class="local">\(Nov 10, 2026, 13:01 GMT\+8\)<\/span>/)
  })

  it('writes Markdown or JSON in the asked language, to stdout or --out', async () => {
    const md = await cli('--db', db, '--lang', 'zh-Hant', 'report', '--measure', PORTS, '--format', 'md', '--at', AT)
    expect(md.code, md.err).toBe(0)
    expect(md.out.startsWith(`# ${title['zh-Hant']}\n`)).toBe(true)
    const file = join(dir, 'brief.json')
    const json = await cli('--db', db, 'report', '--measure', PORTS, '--format', 'json', '--at', AT, '--out', file)
    expect(json.code, json.err).toBe(0)
    expect(json.out).toBe(`Wrote the report to ${file}`)
    const model = JSON.parse(readFileSync(file, 'utf8'))
    expect(model).toMatchObject({
      format: 'measure-tracker-brief',
      lang: 'en',
      measure: { id: PORTS, status: 'suspended' },
      deadline: { state: 'upcoming', kind: 'suspension_end' },
    })
  })

  it('exits 2 for an unknown measure, a CSV, and the status report’s own options', async () => {
    const unknown = await cli('--db', db, 'report', '--measure', 'no-such-measure')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('No measure with id "no-such-measure"')
    for (const args of [['--format', 'csv'], ['--days', '9'], ['--include-notes'], ['--orientation', 'landscape'], ['--text', 'port']]) {
      const run = await cli('--db', db, 'report', '--measure', PORTS, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.err).toMatch(/^measure-tracker: /)
    }
  })

  it('is listed in --help', async () => {
    const run = await cli('--help')
    expect(run.out).toContain('report --measure ID [--at INSTANT] [--format html|md|json]')
  })
})
