// The subscribable calendar file (issue 13), kept by createCalendarFileKeeper over a real store:
// what is written and when, and that a reader polling the file meanwhile never sees a part of it.
import { createHash } from 'node:crypto'
import { readFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ical from 'node-ical'
import { openTempStore, type TempStore } from '../../test/helpers/temp-store.ts'
import { value } from '../../test/helpers/results.ts'
import type { MethodName } from '../shared/api.ts'
import { writeFileAtomically } from './fs/atomic-write.ts'
import { createCalendarFileKeeper, type CalendarFileKeeperOptions } from './calendar-file.ts'

const START = Date.parse('2026-08-01T00:00:00Z')
let now = START
let temp: TempStore
let path: string

beforeEach(async () => {
  now = START
  temp = await openTempStore({ nowMs: () => now })
  path = join(temp.dir, 'calendars', 'measure-tracker.ics')
  mkdirSync(join(temp.dir, 'calendars'))
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const exported = (locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') => value(call('calendar.export', { locale }))

/** Timers the test runs by hand. */
function manualTimers() {
  const pending: { callback: () => void; ms: number }[] = []
  return {
    pending,
    setTimeout: (callback: () => void, ms: number) => {
      const timer = { callback, ms }
      pending.push(timer)
      return timer
    },
    clearTimeout: (handle: unknown) => {
      const at = pending.indexOf(handle as (typeof pending)[number])
      if (at >= 0) pending.splice(at, 1)
    },
    /** Runs the first pending timer (the shortest wait), and lets the write it starts finish. */
    async runNext() {
      pending.sort((a, b) => a.ms - b.ms)
      pending.shift()?.callback()
      await new Promise((resolve) => setImmediate(resolve))
    },
  }
}

function keeper(extra: Partial<CalendarFileKeeperOptions> = {}) {
  const timers = manualTimers()
  const writes: string[] = []
  const problems: string[] = []
  const kept = createCalendarFileKeeper({
    service: temp.store.service,
    nowMs: () => now,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    write: (target, content) => {
      writes.push(target)
      writeFileAtomically(target, content)
    },
    log: (message) => problems.push(message),
    ...extra,
  })
  return { kept, timers, writes, problems }
}

describe('the kept calendar file', () => {
  it('is written only once a file is chosen, in the chosen language, a moment after a change', async () => {
    const { kept, timers, writes } = keeper()
    kept.changed()
    await timers.runNext()
    expect(writes).toEqual([])
    expect(existsSync(path)).toBe(false)

    value(call('calendar.setSubscriptionFile', { path }))
    value(call('calendar.configureSubscription', { locale: 'zh-Hant' }))
    // A burst of changes writes once.
    kept.changed()
    kept.changed()
    kept.changed()
    expect(timers.pending.map((t) => t.ms)).toEqual([250])
    await timers.runNext()
    expect(writes).toEqual([path])
    expect(readFileSync(path, 'utf8')).toBe(exported('zh-Hant').content)
    const parsed = Object.values(ical.sync.parseICS(readFileSync(path, 'utf8'))).filter((c) => c?.type === 'VEVENT')
    expect(parsed.length).toBeGreaterThan(20)

    // The same text is not written again; a change is.
    kept.changed()
    timers.pending.sort((a, b) => a.ms - b.ms)
    await timers.runNext()
    expect(writes).toEqual([path])
    now += 60_000
    value(
      call('events.record', {
        measureId: 'us-bis-affiliates-rule',
        event: {
          kind: 'extended',
          at: '2026-08-01T12:00:00-04:00[America/New_York]',
          until: '2027-11-10T00:01:00-05:00[America/New_York]',
        },
      }),
    )
    kept.changed()
    await timers.runNext()
    expect(writes).toEqual([path, path])
    expect(readFileSync(path, 'utf8')).toBe(exported('zh-Hant').content)
    expect(readFileSync(path, 'utf8')).toContain('STATUS:CANCELLED')
  })

  it('is rewritten when an alarm in it passes, so the file never holds a past alarm', async () => {
    const { kept, timers } = keeper()
    value(call('calendar.setSubscriptionFile', { path }))
    kept.changed()
    await timers.runNext()
    const first = readFileSync(path, 'utf8')
    const refreshAt = Date.parse(exported().refreshAt!)
    // The next wake-up is when the first alarm's moment comes (or in a day, whichever is first).
    expect(refreshAt).toBeGreaterThan(now)
    expect(timers.pending.map((t) => t.ms)).toEqual([Math.min(refreshAt - now, 86_400_000)])
    now = refreshAt
    await timers.runNext()
    const second = readFileSync(path, 'utf8')
    expect(second).toBe(exported().content)
    const alarms = (text: string) => (text.match(/BEGIN:VALARM/g) ?? []).length
    expect(alarms(second)).toBeLessThan(alarms(first))
  })

  it('stops being written when the file is given up, and leaves the last one where it was', async () => {
    const { kept, timers, writes } = keeper()
    value(call('calendar.setSubscriptionFile', { path }))
    kept.changed()
    await timers.runNext()
    value(call('calendar.configureSubscription', { stopFile: true }))
    now += 60_000
    value(call('notes.add', { measureId: 'us-bis-affiliates-rule', body: 'x' }))
    kept.changed()
    await timers.runNext()
    expect(writes).toEqual([path])
    expect(existsSync(path)).toBe(true)
    expect(value(call('calendar.subscription', {})).file).toBeNull()
  })

  it('says once why it cannot write, and writes again once it can', async () => {
    const missing = join(temp.dir, 'gone', 'measure-tracker.ics')
    const { kept, timers, problems } = keeper()
    value(call('calendar.setSubscriptionFile', { path: missing }))
    kept.changed()
    await timers.runNext()
    kept.changed()
    timers.pending.sort((a, b) => a.ms - b.ms)
    await timers.runNext()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(missing)
    mkdirSync(join(temp.dir, 'gone'))
    kept.changed()
    await timers.runNext()
    expect(readFileSync(missing, 'utf8')).toBe(exported().content)
  })

  it('is replaced whole: a reader polling it during 100 rewrites never sees a part of a file', async () => {
    const { kept } = keeper()
    value(call('calendar.setSubscriptionFile', { path }))
    await kept.writeTo(path)
    const versions = new Set([createHash('sha256').update(readFileSync(path)).digest('hex')])
    const reader = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       const { readFileSync } = require('node:fs')
       const { createHash } = require('node:crypto')
       const seen = new Map()
       let reads = 0
       let stop = false
       parentPort.on('message', () => { stop = true })
       const loop = () => {
         const until = Date.now() + 20
         while (Date.now() < until) {
           const bytes = readFileSync(workerData)
           reads++
           const hash = createHash('sha256').update(bytes).digest('hex')
           if (!seen.has(hash)) seen.set(hash, bytes.length)
         }
         if (stop) parentPort.postMessage({ reads, seen: [...seen.keys()] })
         else setImmediate(loop)
       }
       parentPort.postMessage('ready')
       loop()`,
      { eval: true, workerData: path },
    )
    await new Promise((resolve) => reader.once('message', resolve))
    for (let i = 0; i < 100; i++) {
      now += 60_000
      // Each version differs in size too: a note changes the DTSTAMP, an event adds a VEVENT.
      value(
        call('events.record', {
          measureId: 'us-ustr-301-semiconductors',
          event: {
            kind: 'amended',
            at: `2026-09-${String((i % 28) + 1).padStart(2, '0')}T00:00:00-04:00[America/New_York]`,
            rate: `${i}%`,
          },
        }),
      )
      await kept.writeTo(path)
      versions.add(createHash('sha256').update(readFileSync(path)).digest('hex'))
    }
    const report = await new Promise<{ reads: number; seen: string[] }>((resolve) => {
      reader.once('message', resolve)
      reader.postMessage('stop')
    })
    await reader.terminate()
    expect(report.reads).toBeGreaterThan(100)
    expect(report.seen.length).toBeGreaterThan(1)
    for (const hash of report.seen) expect(versions.has(hash), 'every read is a whole version that was written').toBe(true)
  })
})
