// The command line shows a measure's title in the --lang language and, where that language's title
// is missing or blank, in English — as the app, the reports and the calendar do (issue 12).
import { beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from './cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const source = { id: 'src', url: 'https://example.org/notice', title: 'Notice', publisher: 'Example', date: null, confidence: 'official' }
const measure = (id: string, title: Record<string, string>) => ({
  id,
  title,
  imposer: 'US',
  target: 'CN',
  category: 'tariff',
  sources: [source],
  events: [{ id: 'effective', kind: 'effective', at: '2025-04-09T00:01:00-04:00[America/New_York]', sourceIds: ['src'] }],
})

let db: string
beforeEach(async () => {
  const dir = tempDir('mt-cli-titles-')
  db = join(dir, 'm.db')
  const file = join(dir, 'titles.json')
  const measures = [
    measure('fx-english-only', { en: 'English only' }),
    // An imported file may carry empty or blank translations: they count as missing.
    measure('fx-blank', { en: 'Blank translations', 'zh-Hant': '', 'zh-Hans': '   ' }),
    measure('fx-all', { en: 'All three', 'zh-Hant': '三種都有', 'zh-Hans': '三种都有' }),
  ]
  writeFileSync(file, JSON.stringify({ format: 'measure-tracker', version: 2, measures }))
  expect((await cli('--db', db, 'import', file)).code).toBe(0)
})

const firstLine = async (lang: string, id: string) => (await cli('--db', db, '--lang', lang, 'show', id)).out.split('\n')[0]

describe('titles on the command line', () => {
  it('falls back to English when the language has no title or a blank one', async () => {
    expect(await firstLine('zh-Hant', 'fx-english-only')).toBe('English only  [fx-english-only]')
    expect(await firstLine('zh-Hant', 'fx-blank')).toBe('Blank translations  [fx-blank]')
    expect(await firstLine('zh-Hans', 'fx-blank')).toBe('Blank translations  [fx-blank]')
  })

  it('shows the title in the language asked for when there is one', async () => {
    expect(await firstLine('zh-Hant', 'fx-all')).toBe('三種都有  [fx-all]')
    expect(await firstLine('zh-Hans', 'fx-all')).toBe('三种都有  [fx-all]')
    expect(await firstLine('en', 'fx-all')).toBe('All three  [fx-all]')
  })

  it('the report and the calendar use the same fallback (a blank title was kept there as blank)', async () => {
    const report = (await cli('--db', db, '--lang', 'zh-Hans', 'report', '--format', 'json')).out
    const titles = Object.fromEntries((JSON.parse(report) as { measures: { id: string; title: string }[] }).measures.map((m) => [m.id, m.title]))
    expect(titles).toEqual({ 'fx-english-only': 'English only', 'fx-blank': 'Blank translations', 'fx-all': '三种都有' })
    const calendar = (await cli('--db', db, '--lang', 'zh-Hans', 'export', '--format', 'ics', 'fx-blank')).out
    expect(calendar).toContain('X-WR-CALNAME:Blank translations — Measure Tracker')
  })
})
