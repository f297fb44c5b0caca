// The command line and the reports give a measure's words in the --lang language (issue 13): the
// instrument, its number, the authority, scope, summary, event notes and source titles, in
// Chinese where the measure has them, English where it has not; a missing script is the app's conversion.
import { beforeAll, describe, expect, it } from 'vitest'
import { cli, databaseWith } from '../../test/helpers/run-cli.ts'

let db: string
beforeAll(async () => {
  const source = {
    id: 'src',
    url: 'https://example.org/notice',
    title: 'Notice on port fees',
    publisher: 'Example',
    date: null,
    confidence: 'official',
    translations: { title: { 'zh-Hant': '港務費公告' } },
  }
  const measure = {
    id: 'cn-fees',
    title: { en: 'Special port fees', 'zh-Hans': '船舶特别港务费' },
    imposer: 'CN',
    target: 'US',
    category: 'port_fee',
    authority: 'Ministry of Transport',
    instrument: 'MOT announcement',
    instrumentNumber: '2025 No. 54',
    scope: 'US vessels',
    summary: 'Suspended for one year.',
    translations: {
      authority: { 'zh-Hans': '交通运输部', 'zh-Hant': '交通運輸部' },
      instrument: { 'zh-Hans': '交通运输部公告' },
      instrumentNumber: { 'zh-Hans': '2025年第54号' },
      scope: { 'zh-Hant': '美國船舶' },
    },
    sources: [source],
    events: [
      {
        id: 'e',
        kind: 'effective',
        at: '2025-10-14T00:00:00+08:00[Asia/Shanghai]',
        sourceIds: ['src'],
        note: 'Charged from 14 Oct.',
        translations: { note: { 'zh-Hans': '自10月14日起收费。' } },
      },
    ],
  }
  ;({ db } = await databaseWith([measure]))
})

describe('translated fields on the command line', () => {
  it('show prints every text in the asked language, converting the missing script', async () => {
    const hant = (await cli('--db', db, '--lang', 'zh-Hant', 'show', 'cn-fees')).out
    expect(hant).toContain('船舶特別港務費')
    expect(hant).toContain('交通運輸部')
    expect(hant).toContain('交通運輸部公告 — 2025年第54號')
    expect(hant).toContain('美國船舶')
    expect(hant).toContain('自10月14日起收費。')
    expect(hant).toContain('港務費公告')
    // The summary has no Chinese: English, never a conversion of it.
    expect(hant).toContain('Suspended for one year.')
    const en = (await cli('--db', db, '--lang', 'en', 'show', 'cn-fees')).out
    expect(en).toContain('MOT announcement — 2025 No. 54')
    expect(en).toContain('Notice on port fees')
  })

  it('the report gives the short name, instrument, its number and source titles in the report language', async () => {
    const report = JSON.parse((await cli('--db', db, '--lang', 'zh-Hans', 'report', '--format', 'json')).out) as {
      measures: { id: string; instrument: string; instrumentNumber: string }[]
      footnotes: { title: string }[]
    }
    expect(report.measures[0]).toMatchObject({ instrument: '交通运输部公告', instrumentNumber: '2025年第54号' })
    expect(report.footnotes.map((f) => f.title)).toEqual(['港务费公告'])
  })

  it('the calendar names the instrument in its language', async () => {
    const calendar = (await cli('--db', db, '--lang', 'zh-Hant', 'export', '--format', 'ics', 'cn-fees')).out
    expect(calendar.replace(/\r?\n[ \t]/g, '')).toContain('交通運輸部公告')
  })
})
