// The command line shows a measure's title in the --lang language and, where that language's title
// is missing or blank, in English — as the app, the reports and the calendar do (issue 12).
import { beforeEach, describe, expect, it } from 'vitest'
import { cli, databaseWith, fixtureMeasure } from '../../test/helpers/run-cli.ts'

let db: string
beforeEach(async () => {
  ;({ db } = await databaseWith([
    fixtureMeasure('fx-english-only', { en: 'English only' }),
    // An imported file may carry empty or blank translations: they count as missing.
    fixtureMeasure('fx-blank', { en: 'Blank translations', 'zh-Hant': '', 'zh-Hans': '   ' }),
    fixtureMeasure('fx-all', { en: 'All three', 'zh-Hant': '三種都有', 'zh-Hans': '三种都有' }),
  ]))
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
    const titles = Object.fromEntries(
      (JSON.parse(report) as { measures: { id: string; title: string }[] }).measures.map((m) => [m.id, m.title]),
    )
    expect(titles).toEqual({ 'fx-english-only': 'English only', 'fx-blank': 'Blank translations', 'fx-all': '三种都有' })
    const calendar = (await cli('--db', db, '--lang', 'zh-Hans', 'export', '--format', 'ics', 'fx-blank')).out
    expect(calendar).toContain('X-WR-CALNAME:Blank translations — Measure Tracker')
  })
})
