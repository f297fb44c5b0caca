// The calendar file, read back with node-ical (an independent parser), and its VTIMEZONE
// definitions checked by resolving every DTSTART through them by hand (RFC 5545 §3.6.5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import ical from 'node-ical'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import type { Locale } from '../../shared/domain.ts'
import { zoneOf } from '../../shared/format.ts'
import { translate } from '../../shared/i18n/translate.ts'
import { Temporal, epochMs, formatZoned, parseZoned } from '../../shared/time.ts'
import { reminderDueAtMs } from '../reminders/schedule.ts'
import { calendarFor, cleanText, escapeText, eventUid, foldLine, sequenceOf, vtimezone, type CalendarMeasure } from './ics.ts'
import { value } from '../../../test/helpers/results.ts'
import { property, rawEvents, unfold } from '../../../test/helpers/ics-text.ts'

const DAY = 86_400_000
let now = Date.parse('2026-08-01T00:00:00Z')
let temp: TempStore

beforeEach(async () => {
  now = Date.parse('2026-08-01T00:00:00Z')
  temp = await openTempStore({ nowMs: () => now })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const exportIcs = (input: { measureId?: string; locale?: Locale } = {}) => value(call('calendar.export', input))

// --- a small reader for what node-ical does not expose: raw properties and VTIMEZONE resolution ---

function offsetMs(text: string): number {
  const m = /^([+-])(\d\d)(\d\d)(\d\d)?$/.exec(text)!
  const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000
  return m[1] === '-' ? -ms : ms
}
/** A floating local date-time "20261110T000100" as if it were UTC (the wall clock's own number). */
function localMs(text: string): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/.exec(text)!
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
}

interface Observance {
  onsetUtc: number
  to: number
  kind: string
}
function vtimezones(text: string): Map<string, Observance[]> {
  const zones = new Map<string, Observance[]>()
  for (const block of unfold(text).split('BEGIN:VTIMEZONE\r\n').slice(1)) {
    const body = block.split('END:VTIMEZONE')[0]!
    const tzid = /^TZID:(.*)$/m.exec(body)![1]!.trim()
    const observances = [...body.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\n([\s\S]*?)END:\1/g)].map((m) => {
      const get = (name: string) => new RegExp(`^${name}:(.*)\\r$`, 'm').exec(m[2]!)![1]!
      expect(m[2]).not.toMatch(/RRULE|RDATE/)
      return { kind: m[1]!, onsetUtc: localMs(get('DTSTART')) - offsetMs(get('TZOFFSETFROM')), to: offsetMs(get('TZOFFSETTO')) }
    })
    zones.set(
      tzid,
      observances.sort((a, b) => a.onsetUtc - b.onsetUtc),
    )
  }
  return zones
}
/** The instant a local time names in a VTIMEZONE: the first occurrence when it names two (RFC 5545 §3.3.5). */
function resolve(observances: Observance[], local: number): number {
  const candidates = observances.flatMap((o, i) => {
    const utc = local - o.to
    const end = observances[i + 1]?.onsetUtc ?? Infinity
    return utc >= o.onsetUtc && utc < end ? [utc] : []
  })
  expect(candidates.length, 'the local time exists in the VTIMEZONE').toBeGreaterThan(0)
  return Math.min(...candidates)
}

/** The instant a raw DTSTART line gives, resolved through the file's own VTIMEZONE definitions. */
function startInstant(line: string, zones: Map<string, Observance[]>): { instant: number; tzid: string | null } {
  const utc = /^DTSTART:(\d{8}T\d{6})Z$/.exec(line)
  if (utc) return { instant: localMs(utc[1]!), tzid: null }
  const zoned = /^DTSTART;TZID=([^:;]+):(\d{8}T\d{6})$/.exec(line)
  expect(zoned, line).not.toBeNull()
  const observances = zones.get(zoned![1]!)
  expect(observances, `VTIMEZONE for ${zoned![1]}`).toBeDefined()
  return { instant: resolve(observances!, localMs(zoned![2]!)), tzid: zoned![1]! }
}

function checkLines(text: string): void {
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const bytes = Buffer.from(text, 'utf8')
  let start = 0
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const line = bytes.subarray(start, i)
      expect(line.length, line.toString()).toBeLessThanOrEqual(75)
      // Every physical line is whole UTF-8: no character cut by the folding.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow()
      start = i + 2
    }
  }
}

/** A text property as node-ical gives it: with its LANGUAGE parameter. */
type ParsedText = { params: { LANGUAGE?: string }; val: string }
/** What these tests read of node-ical's VEVENT, texts unwrapped (their language checked on the way). */
interface ParsedEvent {
  uid: string
  start: Date & { tz?: string }
  summary: string
  description: string
  transparency?: string
  alarms: { action: string; trigger: string; description: string }[]
}
function parsedEvents(text: string, locale: Locale = 'en'): Map<string, ParsedEvent> {
  const unwrap = (value: ParsedText | undefined): string => {
    expect(value?.params.LANGUAGE).toBe(locale)
    return value!.val
  }
  const parsed = ical.sync.parseICS(text)
  return new Map(
    Object.values(parsed)
      .filter((c) => c?.type === 'VEVENT')
      .map((c) => {
        const e = c as unknown as Omit<ParsedEvent, 'summary' | 'description' | 'alarms'> & {
          summary: ParsedText
          description: ParsedText
          alarms?: { action: string; trigger: string; description: ParsedText }[]
        }
        const alarms = (e.alarms ?? []).map((a) => ({ ...a, description: unwrap(a.description) }))
        return { ...e, summary: unwrap(e.summary), description: unwrap(e.description), alarms }
      })
      .map((e) => [e.uid, e]),
  )
}

function wallClock(at: string): string {
  const t = parseZoned(at).toPlainDateTime()
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`
}

describe('the embedded dataset as a calendar', () => {
  it('has one event per transition, at the status engine instant, in its legal zone, with alarms ahead', () => {
    const file = exportIcs()
    expect(file).toMatchObject({ filename: 'measure-tracker.ics', mimeType: 'text/calendar' })
    checkLines(file.content)
    const parsed = parsedEvents(file.content)
    const raw = new Map(rawEvents(file.content).map((e) => [e.uid, e]))
    const zones = vtimezones(file.content)
    const measures = value(call('measures.list', {}))
    expect(measures.length).toBeGreaterThanOrEqual(10)

    let count = 0
    let alarms = 0
    for (const summary of measures) {
      const detail = value(call('measures.get', { id: summary.id }))
      for (const transition of detail.transitions) {
        count++
        const uid = eventUid(detail.id, { eventId: transition.eventId, kind: transition.kind as never })
        const event = parsed.get(uid)
        expect(event, uid).toBeDefined()
        const atMs = epochMs(transition.at)
        const zone = zoneOf(transition.at)
        // node-ical's reading of the instant and the zone.
        expect(event!.start.getTime(), uid).toBe(atMs)
        expect(event!.start.tz).toBe(zone)
        // The raw property: the legal wall clock with its TZID, and the file's VTIMEZONE agrees.
        const line = property(raw.get(uid)!, 'DTSTART')!
        expect(line).toBe(`DTSTART;TZID=${zone}:${wallClock(transition.at)}`)
        expect(startInstant(line, zones)).toEqual({ instant: atMs, tzid: zone })
        expect(event!.summary).toBe(`${translate('en', `eventKind.${transition.kind}`)}: ${detail.title.en}`)
        expect(event!.description).toContain(`Measure: ${detail.id}`)
        expect(event!.description).toContain(transition.at)
        expect(event!.transparency).toBe('TRANSPARENT')
        expect(property(raw.get(uid)!, 'DTEND')).toBeUndefined()

        const ahead = [90, 30, 7, 1].filter((lead) => atMs > now && reminderDueAtMs({ at: transition.at, atMs }, lead) > now)
        expect(
          (event!.alarms ?? []).map((a) => [a.action, a.trigger]),
          uid,
        ).toEqual(ahead.map((lead) => ['DISPLAY', `-P${lead}D`]))
        alarms += ahead.length
      }
    }
    expect(parsed.size).toBe(count)
    expect(alarms).toBeGreaterThan(10)
    // Each zone the dataset uses has its VTIMEZONE, and only those.
    expect([...zones.keys()].sort()).toEqual(['America/New_York', 'Asia/Shanghai'])
    expect(zones.get('America/New_York')!.map((o) => o.kind)).toContain('DAYLIGHT')
  })

  it('keeps its UIDs across exports, so a re-import updates; a changed measure gets a higher SEQUENCE', () => {
    const first = exportIcs()
    expect(exportIcs().content).toBe(first.content)
    const uids = (text: string) => rawEvents(text).map((e) => e.uid)
    const before = uids(first.content)
    expect(new Set(before).size).toBe(before.length)

    now += DAY
    value(
      call('events.record', {
        measureId: 'us-ieepa-reciprocal-tariff',
        event: {
          kind: 'extended',
          at: '2026-08-01T12:00:00-04:00[America/New_York]',
          until: '2027-11-10T00:01:00-05:00[America/New_York]',
        },
      }),
    )
    const second = exportIcs()
    const after = uids(second.content)
    expect(after).toEqual(expect.arrayContaining(before))
    expect(after.length).toBe(before.length + 1)
    const sequence = (text: string, uidStart: string) =>
      rawEvents(text)
        .filter((e) => e.uid.startsWith(uidStart))
        .map((e) => Number(property(e, 'SEQUENCE')!.slice('SEQUENCE:'.length)))
    const [changedBefore] = sequence(first.content, 'us-ieepa-reciprocal-tariff+')
    const [changedAfter] = sequence(second.content, 'us-ieepa-reciprocal-tariff+')
    expect(changedAfter).toBeGreaterThan(changedBefore!)
    // Untouched measures: byte for byte the same events.
    const untouched = (text: string) => rawEvents(text).filter((e) => e.uid.startsWith('cn-counter-tariff-24+'))
    expect(untouched(second.content)).toEqual(untouched(first.content))
  })

  it('exports one measure, and refuses an unknown or deleted one', () => {
    const file = exportIcs({ measureId: 'us-bis-affiliates-rule' })
    expect(file.filename).toBe('us-bis-affiliates-rule.ics')
    const detail = value(call('measures.get', { id: 'us-bis-affiliates-rule' }))
    expect(rawEvents(file.content).map((e) => e.uid)).toEqual(
      detail.transitions.map((t) => `us-bis-affiliates-rule+${t.eventId}+${t.kind}@measure-tracker`),
    )
    expect(unfold(file.content)).toContain(`X-WR-CALNAME:${detail.title.en.replace(/([,;\\])/g, '\\$1')} — Measure Tracker`)
    expect(call('calendar.export', { measureId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    value(call('measures.delete', { id: 'us-bis-affiliates-rule' }))
    expect(call('calendar.export', { measureId: 'us-bis-affiliates-rule' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // Issue 13: a deleted measure's events stay in the whole export, cancelled (cancellations.test.ts).
    const deleted = rawEvents(exportIcs().content).filter((e) => e.uid.startsWith('us-bis-affiliates-rule+'))
    expect(deleted.map((e) => e.uid)).toEqual(
      detail.transitions.map((t) => `us-bis-affiliates-rule+${t.eventId}+${t.kind}@measure-tracker`),
    )
    for (const event of deleted) expect(property(event, 'STATUS')).toBe('STATUS:CANCELLED')
  })

  it('uses the lead times set by the user for the alarms', () => {
    value(call('reminders.setLeadDays', { leadDays: [14, 0] }))
    const event = [...parsedEvents(exportIcs().content).values()].find((e) => (e.alarms ?? []).length > 0)!
    expect(event.alarms!.map((a) => a.trigger)).toEqual(['-P14D', 'PT0S'])
    expect(event.alarms![1]!.description).toMatch(/ now — /)
  })

  it('survives folding in Chinese: summaries and descriptions read back whole', () => {
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const file = exportIcs({ locale })
      checkLines(file.content)
      expect(file.content).toContain(`PRODID:-//Measure Tracker//Measure Tracker//${locale.toUpperCase()}`)
      const parsed = parsedEvents(file.content, locale)
      const detail = value(call('measures.get', { id: 'cn-counter-tariff-24' }))
      const title = detail.title[locale] ?? detail.title.en
      expect(title).toMatch(/[\u4e00-\u9fff]/)
      for (const transition of detail.transitions) {
        const event = parsed.get(eventUid(detail.id, { eventId: transition.eventId, kind: transition.kind as never }))!
        expect(event.summary).toBe(`${translate(locale, `eventKind.${transition.kind}`)}：${title}`)
        expect(event.description!.split('\n')[0]).toBe(title)
      }
      // Long CJK lines were folded.
      expect(file.content).toMatch(/\r\n [\u4e00-\u9fff（）％，]/)
    }
  })

  it('escapes commas, semicolons, backslashes and line breaks in titles, and drops control characters', () => {
    const title = 'Fees, duties; and \\ more\nsecond line\u0007'
    const { id } = value(call('measures.create', { facts: { title: { en: title }, imposer: 'US', target: 'CN', category: 'other' } }))
    value(call('events.record', { measureId: id, event: { kind: 'effective', at: '2026-09-01T00:01:00-04:00[America/New_York]' } }))
    const file = exportIcs({ measureId: id })
    checkLines(file.content)
    expect(unfold(file.content)).toContain('SUMMARY;LANGUAGE=en:Takes effect: Fees\\, duties\\; and \\\\ more\\nsecond line\r\n')
    expect(file.content).not.toContain('\u0007')
    expect(unfold(file.content)).toContain('X-WR-CALNAME:Fees\\, duties\\; and \\\\ more\\nsecond line — Measure Tracker\r\n')
    const [event] = [...parsedEvents(file.content).values()]
    expect(event!.summary).toBe('Takes effect: Fees, duties; and \\ more\nsecond line')
    expect(event!.description!.startsWith('Fees, duties; and \\ more\nsecond line\nMeasure: ')).toBe(true)
  })
})

describe('calendarFor (pure)', () => {
  const measure = (at: string, overrides: Partial<CalendarMeasure> = {}): CalendarMeasure => ({
    id: 'm',
    title: { en: 'M' },
    updatedAt: '2026-01-01T00:00:00Z',
    transitions: [{ kind: 'effective', at, atMs: epochMs(at), eventId: 'e', status: 'in_force' }],
    ...overrides,
  })
  const options = { leadDays: [7], locale: 'en' as const, nowMs: Date.parse('2020-01-01T00:00:00Z') }

  it('writes UTC instants and fixed offsets as UTC, without a VTIMEZONE', () => {
    for (const at of ['2026-11-10T05:01:00+00:00[UTC]', '2026-11-10T13:01:00+08:00[+08:00]']) {
      const text = calendarFor([measure(at)], options)
      expect(unfold(text)).toContain('DTSTART:20261110T050100Z\r\n')
      expect(text).not.toContain('VTIMEZONE')
      expect(parsedEvents(text).get('m+e+effective@measure-tracker')!.start.getTime()).toBe(Date.parse('2026-11-10T05:01:00Z'))
    }
  })

  it('writes a wall-clock time that occurs twice in UTC, whichever occurrence it is', () => {
    const first = '2026-11-01T01:30:00-04:00[America/New_York]'
    const second = '2026-11-01T01:30:00-05:00[America/New_York]'
    expect(unfold(calendarFor([measure(first)], options))).toContain('DTSTART:20261101T053000Z\r\n')
    expect(unfold(calendarFor([measure(second)], options))).toContain('DTSTART:20261101T063000Z\r\n')
    expect(unfold(calendarFor([measure('2026-11-01T00:59:00-04:00[America/New_York]')], options))).toContain(
      'DTSTART;TZID=America/New_York:20261101T005900\r\n',
    )
    expect(unfold(calendarFor([measure('2026-11-01T02:00:00-05:00[America/New_York]')], options))).toContain(
      'DTSTART;TZID=America/New_York:20261101T020000\r\n',
    )
  })

  it('stamps events with the measure’s last change, and derives SEQUENCE from it', () => {
    const text = unfold(calendarFor([measure('2026-11-10T05:01:00+00:00[UTC]', { updatedAt: '2026-03-04T05:06:07.890Z' })], options))
    expect(text).toContain('DTSTAMP:20260304T050607Z\r\n')
    expect(text).toContain('LAST-MODIFIED:20260304T050607Z\r\n')
    expect(text).toContain(`SEQUENCE:${sequenceOf(Date.parse('2026-03-04T05:06:07.890Z'))}\r\n`)
    expect(sequenceOf(Date.parse('2026-03-04T05:07:00Z'))).toBeGreaterThan(sequenceOf(Date.parse('2026-03-04T05:06:07.890Z')))
    expect(sequenceOf(0)).toBe(0)
  })

  it('leaves out alarms whose moment has passed, and all alarms of past transitions', () => {
    const at = '2026-11-10T00:01:00-05:00[America/New_York]'
    const leads = { ...options, leadDays: [30, 7, 1] }
    const count = (nowMs: number) => (calendarFor([measure(at)], { ...leads, nowMs }).match(/BEGIN:VALARM/g) ?? []).length
    expect(count(Date.parse('2026-01-01T00:00:00Z'))).toBe(3)
    expect(count(reminderDueAtMs({ at, atMs: epochMs(at) }, 7))).toBe(1)
    expect(count(epochMs(at) - 1)).toBe(0)
    expect(count(epochMs(at) + 1)).toBe(0)
  })

  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const samples = [
      'x'.repeat(75),
      'x'.repeat(76),
      '對'.repeat(60),
      `SUMMARY:${'é'.repeat(100)}`,
      `D:${'😀a'.repeat(40)}`,
      'a—'.repeat(80),
    ]
    for (const line of samples) {
      const folded = foldLine(line)
      expect(folded.replace(/\r\n /g, '')).toBe(line)
      for (const physical of folded.split('\r\n')) {
        expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75)
        expect(physical).not.toMatch(/[\uD800-\uDBFF]$/)
      }
    }
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75))
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`)
    // 3-octet characters: 25 on the first line, then a space and 24.
    expect(foldLine('對'.repeat(50)).split('\r\n')).toEqual(['對'.repeat(25), ` ${'對'.repeat(24)}`, ' 對'])
  })

  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng')
  })

  it('removes control characters and broken surrogates from text', () => {
    expect(cleanText('a\u0000b\u001bc\td\ne\u007f\ud800f')).toBe('abc\td\ne\ufffdf')
    expect(cleanText('😀 ok')).toBe('😀 ok')
  })

  it('writes VTIMEZONEs that resolve every local time to the right instant, in any zone and year', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Europe/Dublin',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/Sao_Paulo',
      'Africa/Casablanca',
      'Pacific/Chatham',
      'Asia/Shanghai',
      'America/St_Johns',
    ]
    const from = Date.parse('2000-01-01T00:00:00Z')
    const to = Date.parse('2037-12-31T00:00:00Z')
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: 0, max: (to - from) / 60_000 }), { minLength: 1, maxLength: 4 }),
        (zone, minutes) => {
          const ats = minutes.map((m) => formatZoned(Temporal.Instant.fromEpochMilliseconds(from + m * 60_000).toZonedDateTimeISO(zone)))
          const text = calendarFor(
            [
              {
                id: 'm',
                title: { en: 'M' },
                updatedAt: '2026-01-01T00:00:00Z',
                transitions: ats.map((at, i) => ({ kind: 'effective', at, atMs: epochMs(at), eventId: `e${i}`, status: 'in_force' })),
              },
            ],
            { ...options, leadDays: [400] },
          )
          const vtz = vtimezones(text)
          for (const event of rawEvents(text)) {
            const index = Number(/^m\+e(\d+)\+/.exec(event.uid)![1])
            expect(startInstant(property(event, 'DTSTART')!, vtz).instant).toBe(epochMs(ats[index]!))
          }
        },
      ),
      { numRuns: 120 },
    )
  })

  it('gets every instant around each change of offset right, the repeated hour included', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Africa/Casablanca']) {
      const ats: string[] = []
      const start = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone })
      for (let next = start.getTimeZoneTransition('next'); next && next.year === 2026; next = next.getTimeZoneTransition('next')) {
        for (const minutes of [-61, -1, 0, 1, 29, 31, 59, 61]) ats.push(formatZoned(next.add({ minutes })))
      }
      expect(ats.length).toBeGreaterThan(0)
      const text = calendarFor(
        [
          {
            id: 'm',
            title: { en: 'M' },
            updatedAt: '2026-01-01T00:00:00Z',
            transitions: ats.map((at, i) => ({ kind: 'effective', at, atMs: epochMs(at), eventId: `e${i}`, status: 'in_force' })),
          },
        ],
        options,
      )
      const vtz = vtimezones(text)
      const events = rawEvents(text)
      expect(events).toHaveLength(ats.length)
      for (const event of events) {
        const index = Number(/^m\+e(\d+)\+/.exec(event.uid)![1])
        expect(startInstant(property(event, 'DTSTART')!, vtz).instant, `${zone} ${ats[index]}`).toBe(epochMs(ats[index]!))
      }
      // node-ical agrees.
      const parsed = parsedEvents(text)
      ats.forEach((at, i) => expect(parsed.get(`m+e${i}+effective@measure-tracker`)!.start.getTime(), at).toBe(epochMs(at)))
    }
  })

  it('marks summer time DAYLIGHT, on either side of the equator', () => {
    const kinds = (zone: string, year: number) =>
      [...vtimezone(zone, Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)).matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\d{8})/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      )
    expect(kinds('America/New_York', 2026)).toEqual(['STANDARD 20251102', 'DAYLIGHT 20260308', 'STANDARD 20261101'])
    expect(kinds('Australia/Sydney', 2026)).toEqual(['DAYLIGHT 20251005', 'STANDARD 20260405', 'DAYLIGHT 20261004'])
    expect(kinds('Asia/Shanghai', 2026)).toEqual(['STANDARD 19910915'])
    expect(vtimezone('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toContain('TZOFFSETTO:+0530')
    expect(vtimezone('Etc/GMT-14', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toContain(
      'DTSTART:19700101T000000\r\nTZOFFSETFROM:+1400\r\nTZOFFSETTO:+1400',
    )
  })
})
