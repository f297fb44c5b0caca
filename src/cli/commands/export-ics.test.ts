import { beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ical from 'node-ical'
import { tempDir } from '../../../test/helpers/temp-store.ts'
import { cli } from '../../../test/helpers/run-cli.ts'

let dir: string
let db: string
beforeEach(() => {
  dir = tempDir('mt-cli-ics-')
  db = join(dir, 'm.db')
})

const vevents = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as unknown as {
    uid: string
    summary: { params: { LANGUAGE: string }; val: string }
  }[]

describe('export --format ics', () => {
  it('writes every measure’s transitions to a file, exactly (CRLF), and says how many', async () => {
    const file = join(dir, 'deadlines.ics')
    const run = await cli('--db', db, 'export', '--format', 'ics', '--out', file)
    expect(run.code).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    const events = vevents(text)
    expect(events.length).toBeGreaterThan(20)
    expect(run.out).toBe(`Exported ${events.length} calendar events to ${file}`)
    expect(events.every((e) => e.uid.endsWith('@measure-tracker'))).toBe(true)
  })

  it('prints one measure’s calendar in the chosen language to stdout', async () => {
    const run = await cli('--db', db, '--lang', 'zh-Hant', 'export', '--format', 'ics', 'us-bis-affiliates-rule')
    expect(run.code).toBe(0)
    const events = vevents(run.out)
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.uid.startsWith('us-bis-affiliates-rule+'))).toBe(true)
    expect(events.every((e) => e.summary.params.LANGUAGE === 'zh-Hant')).toBe(true)
    expect(events.some((e) => e.summary.val.startsWith('暫停期滿：'))).toBe(true)
  })

  it('refuses an unknown measure, extra arguments and unknown formats (exit 2)', async () => {
    expect(await cli('--db', db, 'export', '--format', 'ics', 'no-such-measure')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no-such-measure'),
    })
    expect((await cli('--db', db, 'export', '--format', 'ics', 'a', 'b')).code).toBe(2)
    expect(await cli('--db', db, 'export', '--format', 'xml')).toMatchObject({ code: 2, err: expect.stringContaining('json or ics') })
  })
})
