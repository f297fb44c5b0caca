// Counts on the command line and in reports take their language's plural form (issue 12):
// "1 measure needs review", "the next 1 day" — never "measure(s)".
import { beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { cli, databaseWith, fixtureMeasure } from '../../test/helpers/run-cli.ts'

const AT = '2026-12-01T00:00:00Z'

let dir: string
let db: string
beforeEach(async () => {
  // One measure whose suspension ended on 10 Nov 2026 with nothing recorded since: it needs review.
  const suspended = {
    id: 'suspended',
    kind: 'suspended',
    at: '2025-05-14T00:01:00-04:00[America/New_York]',
    until: '2026-11-10T00:01:00-05:00[America/New_York]',
  }
  ;({ dir, db } = await databaseWith([fixtureMeasure('fx-one', { en: 'The only measure' }, [suspended])]))
})

describe('counts on the command line', () => {
  it('says "1 measure needs review" in English, and the Chinese form in Chinese', async () => {
    expect((await cli('--db', db, 'status', '--at', AT)).out).toMatch(/\n1 measure needs review$/)
    expect((await cli('--db', db, '--lang', 'zh-Hant', 'status', '--at', AT)).out).toMatch(/\n1 項措施待覆核$/)
  })

  it('says "Exported 1 measure", and its three transitions as "3 calendar events"', async () => {
    const json = join(dir, 'out.json')
    expect((await cli('--db', db, 'export', '--out', json)).out).toBe(`Exported 1 measure to ${json}`)
    const ics = join(dir, 'out.ics')
    expect((await cli('--db', db, 'export', '--format', 'ics', '--out', ics)).out).toBe(`Exported 3 calendar events to ${ics}`)
  })
})

describe('counts in reports', () => {
  const report = async (lang: string, format: string) =>
    (await cli('--db', db, '--lang', lang, '--tz', 'UTC', 'report', '--at', AT, '--days', '1', '--format', format)).out

  it('count one measure, one review and one day in the singular', async () => {
    const md = await report('en', 'md')
    expect(md).toContain('1 measure · 1 needs review · 0 deadlines in the next 1 day')
    expect(md).toContain('## Deadlines in the next 1 day')
    expect(md).toContain('No deadlines in the next 1 day.')
    const html = await report('en', 'html')
    expect(html).toContain('1 measure · 1 needs review · 0 deadlines in the next 1 day')
    expect(html).toContain('· 1 measure</span>')
  })

  it('read as before in Chinese, which has one form', async () => {
    expect(await report('zh-Hant', 'md')).toContain('1 項措施 · 1 項待覆核 · 未來 1 天內有 0 個期限')
    expect(await report('zh-Hans', 'md')).toContain('未来 1 天内没有期限。')
  })
})
