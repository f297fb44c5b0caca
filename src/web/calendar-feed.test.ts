// The browser host's calendar address (issue 13): GET /calendar.ics?key=… answers the calendar to
// a program that has no cookie, with the subscription's own key only. And the kept calendar file
// is rewritten after a change made through this host.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ical from 'node-ical'
import type { CalendarSubscription } from '../shared/api-views.ts'
import { startWebHost, type WebHost } from './host.ts'
import { send, signIn, type Reply } from './http-test-client.ts'

describe('the calendar address of the browser host', () => {
  let dir: string
  let host: WebHost
  let cookie: string

  const api = async (method: string, input: unknown): Promise<Reply> =>
    send(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
  const configure = async (input: unknown): Promise<CalendarSubscription> => {
    const reply = await api('calendar.configureSubscription', input)
    expect(reply.status).toBe(200)
    return reply.json().value as CalendarSubscription
  }
  const calendar = (query: string, headers: Record<string, string> = {}, method = 'GET') =>
    send(host.port, { method, path: `/calendar.ics${query}`, headers })

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-web-calendar-'))
    host = await startWebHost({ dbPath: join(dir, 'measures.db'), rendererDir: join(dir, 'no-build'), pollMs: 100 })
    cookie = await signIn(host)
  })
  afterAll(async () => {
    await host?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('answers 403 while no address is set, whatever key is sent', async () => {
    for (const query of ['', '?key=', '?key=abc', `?key=${host.token}`]) {
      const reply = await calendar(query)
      expect(reply.status, query).toBe(403)
      expect(reply.text).not.toContain('BEGIN:VCALENDAR')
    }
  })

  it('answers the calendar as text/calendar to the right key, without a cookie', async () => {
    const { feedKey } = await configure({ feed: 'renew' })
    expect(feedKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(feedKey).not.toBe(host.token)
    const reply = await calendar(`?key=${feedKey}`)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    const events = Object.values(ical.sync.parseICS(reply.text)).filter((c) => c?.type === 'VEVENT')
    expect(events.length).toBeGreaterThan(20)
    const head = await calendar(`?key=${feedKey}`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
  })

  it('refuses a wrong key, no key, two keys, the session secret, or the cookie alone', async () => {
    const { feedKey } = await configure({})
    expect(feedKey).not.toBeNull()
    const refused = [
      calendar(''),
      calendar(`?key=${feedKey!.slice(0, -1)}x`),
      calendar(`?key=${feedKey}&key=${feedKey}`),
      calendar(`?key=${host.token}`),
      calendar('', { cookie }),
      calendar(`?token=${host.token}`),
    ]
    for (const reply of await Promise.all(refused)) {
      expect(reply.status).toBe(403)
      expect(reply.text).not.toContain('BEGIN:VCALENDAR')
    }
    // Another name for this machine (DNS rebinding) is refused before the key is looked at.
    expect((await calendar(`?key=${feedKey}`, { host: `evil.example:${host.port}` })).status).toBe(403)
    expect((await calendar(`?key=${feedKey}`, {}, 'POST')).status).toBe(405)
  })

  it('speaks the chosen language; a renewed key retires the old address, and off turns it off', async () => {
    const { feedKey: old } = await configure({ locale: 'zh-Hant' })
    const reply = await calendar(`?key=${old}`)
    expect(reply.text).toContain('SUMMARY;LANGUAGE=zh-Hant:')
    const { feedKey: renewed } = await configure({ feed: 'renew' })
    expect(renewed).not.toBe(old)
    expect((await calendar(`?key=${old}`)).status).toBe(403)
    expect((await calendar(`?key=${renewed}`)).status).toBe(200)
    expect((await configure({ feed: 'off' })).feedKey).toBeNull()
    expect((await calendar(`?key=${renewed}`)).status).toBe(403)
  })

  it('never puts the key in the audit trail', async () => {
    const { feedKey } = await configure({ feed: 'renew' })
    // The host's core keeps its own connection in its worker: the file is read here as any reader would.
    const db = new DatabaseSync(host.store.path, { readOnly: true })
    const rows = db.prepare('SELECT before_json, after_json FROM audit WHERE action = ?').all('calendar.configureSubscription') as {
      before_json: string
      after_json: string
    }[]
    db.close()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(`${row.before_json}${row.after_json}`).not.toContain(feedKey!)
  })

  it('rewrites the kept calendar file after a change made through the host', async () => {
    const path = join(dir, 'subscribed.ics')
    const set = await host.store.service.call('calendar.setSubscriptionFile', { path })
    expect(set.ok).toBe(true)
    const changed = await api('notes.add', { measureId: 'us-bis-affiliates-rule', body: 'kept file check' })
    expect(changed.status).toBe(200)
    await expect.poll(() => existsSync(path), { timeout: 5_000 }).toBe(true)
    await api('measures.delete', { id: 'us-bis-affiliates-rule' })
    await expect.poll(() => readFileSync(path, 'utf8').includes('STATUS:CANCELLED'), { timeout: 5_000 }).toBe(true)
    const served = await host.store.service.call('calendar.export', { locale: 'zh-Hant' })
    expect(served.ok && readFileSync(path, 'utf8') === served.value.content).toBe(true)
  })
})
