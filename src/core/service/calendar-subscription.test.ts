// The subscribable calendar's settings through the real service (issue 13).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { failure, value } from '../../../test/helpers/results.ts'
import type { MethodName } from '../../shared/api.ts'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ seed: false })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)

describe('calendar subscription settings', () => {
  it('start with nothing kept, no address, in English', () => {
    expect(value(call('calendar.subscription', {}))).toEqual({ locale: 'en', file: null, feedKey: null })
  })

  it('keep a file at an absolute .ics path, saying when it was last written', () => {
    const path = join(temp.dir, 'deadlines.ics')
    expect(value(call('calendar.setSubscriptionFile', { path }))).toEqual({ locale: 'en', file: { path, writtenAt: null }, feedKey: null })
    writeFileSync(path, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    expect(value(call('calendar.subscription', {})).file?.writtenAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(value(call('calendar.configureSubscription', { stopFile: true })).file).toBeNull()
  })

  it.each([
    ['a relative path', 'deadlines.ics'],
    ['another kind of file', '/home/someone/.bashrc'],
    ['a control character', '/tmp/a\nb.ics'],
  ])('refuse %s', (_, path) => {
    expect(failure(call('calendar.setSubscriptionFile', { path }))).toEqual({ code: 'VALIDATION', paths: ['path'] })
    expect(value(call('calendar.subscription', {})).file).toBeNull()
  })

  it('accept Windows paths and UNC shares', () => {
    for (const path of ['C:\\Users\\me\\Documents\\deadlines.ics', '\\\\server\\share\\deadlines.ICS']) {
      expect(value(call('calendar.setSubscriptionFile', { path })).file?.path).toBe(path)
    }
  })

  it('renew the address key (a new secret each time), turn it off, and keep the language apart', () => {
    const first = value(call('calendar.configureSubscription', { feed: 'renew', locale: 'zh-Hans' }))
    expect(first.feedKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(first.locale).toBe('zh-Hans')
    const second = value(call('calendar.configureSubscription', { feed: 'renew' }))
    expect(second.feedKey).not.toBe(first.feedKey)
    expect(value(call('calendar.configureSubscription', { locale: 'en' }))).toMatchObject({ locale: 'en', feedKey: second.feedKey })
    expect(value(call('calendar.configureSubscription', { feed: 'off' })).feedKey).toBeNull()
    expect(failure(call('calendar.configureSubscription', { feed: 'on' })).code).toBe('VALIDATION')
  })

  it('audit each change without the key', () => {
    const { feedKey } = value(call('calendar.configureSubscription', { feed: 'renew' }))
    value(call('calendar.configureSubscription', { feed: 'renew' }))
    const rows = temp.store.core.context.db
      .prepare("SELECT action, before_json, after_json FROM audit WHERE action LIKE 'calendar.%' ORDER BY id")
      .all() as Record<string, string>[]
    expect(rows.map((row) => [row.action, JSON.parse(row.before_json!), JSON.parse(row.after_json!)])).toEqual([
      ['calendar.configureSubscription', { locale: 'en', path: null, address: false }, { locale: 'en', path: null, address: true }],
      [
        'calendar.configureSubscription',
        { locale: 'en', path: null, address: true },
        { locale: 'en', path: null, address: true, addressRenewed: true },
      ],
    ])
    expect(JSON.stringify(rows)).not.toContain(feedKey!)
  })
})
