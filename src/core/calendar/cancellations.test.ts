// Issue 13: a calendar that imported or subscribed to an earlier export must be told when a
// transition goes (an extension moved the end, an event was removed, the measure was deleted) and
// when one moves. Two exports around each change, read back with node-ical (an independent
// parser) and as raw lines: the same UID, STATUS:CANCELLED or a new DTSTART, a higher SEQUENCE.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ical from 'node-ical'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { property, rawEvents } from '../../../test/helpers/ics-text.ts'
import { value } from '../../../test/helpers/results.ts'
import type { MethodName } from '../../shared/api.ts'
import type { Locale } from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'
import { CANCELLED_RETENTION_DAYS } from './changes.ts'

const DAY = 86_400_000
// After the truce's 10 Nov 2026 deadlines: the ends have lapsed, nobody recorded what happened.
const START = Date.parse('2026-12-04T10:00:00Z')
let now = START
let temp: TempStore

beforeEach(async () => {
  now = START
  temp = await openTempStore({ nowMs: () => now })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const exportIcs = (locale: Locale = 'en') => value(call('calendar.export', { locale })).content

interface Parsed {
  uid: string
  start: Date
  status?: string
  sequence: string | number
  summary: { val: string } | string
  description: { val: string } | string
  alarms?: unknown[]
}
/** node-ical's reading of the file: every VEVENT by UID, each UID exactly once. */
function parse(text: string): Map<string, Parsed> {
  const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as unknown as Parsed[]
  const byUid = new Map(events.map((e) => [e.uid, e]))
  expect(byUid.size, 'each UID once in the file').toBe(rawEvents(text).length)
  return byUid
}
const textOf = (value: { val: string } | string) => (typeof value === 'string' ? value : value.val)
const sequenceOf = (text: string, uid: string) =>
  Number(
    property(
      rawEvents(text).find((e) => e.uid === uid)!,
      'SEQUENCE',
    )!.slice('SEQUENCE:'.length),
  )
const cancelledUids = (text: string) => [...parse(text).values()].filter((e) => e.status === 'CANCELLED').map((e) => e.uid)

const AFFILIATES = 'us-bis-affiliates-rule'
const AFFILIATES_END_UID = `${AFFILIATES}+suspended-2025-11-10+suspension_end@measure-tracker`
const DEADLINE = '2026-11-10T00:01:00-05:00[America/New_York]'
const NEW_END = '2027-11-10T00:01:00-05:00[America/New_York]'

describe('an extension recorded after an export', () => {
  it('cancels the superseded end under its UID with a higher SEQUENCE, and adds the new end', () => {
    const first = exportIcs()
    const before = parse(first).get(AFFILIATES_END_UID)!
    expect(before.start.getTime()).toBe(epochMs(DEADLINE))
    expect(before.status).toBeUndefined()
    expect(cancelledUids(first)).toEqual([])

    // In the same minute as the export: the SEQUENCE must still rise.
    const { event } = value(
      call('events.recordOutcome', {
        measureId: AFFILIATES,
        outcome: 'extended',
        at: DEADLINE,
        until: NEW_END,
        source: { url: 'https://www.federalregister.gov/d/x', confidence: 'official' },
      }),
    )
    const second = exportIcs()
    const after = parse(second)

    expect(cancelledUids(second)).toEqual([AFFILIATES_END_UID])
    const cancelled = after.get(AFFILIATES_END_UID)!
    // The one superseded: the same start and summary the calendar holds, now cancelled.
    expect(cancelled.start.getTime()).toBe(epochMs(DEADLINE))
    expect(textOf(cancelled.summary)).toBe(textOf(before.summary))
    expect(textOf(cancelled.description)).toContain('an extension moved this end to Nov 10, 2027, 00:01 EST')
    expect(cancelled.alarms ?? []).toEqual([])
    expect(sequenceOf(second, AFFILIATES_END_UID)).toBeGreaterThan(sequenceOf(first, AFFILIATES_END_UID))

    // The new end, under the extension's UID, with the same higher SEQUENCE as the measure's other events.
    const newEnd = after.get(`${AFFILIATES}+${event.id}+suspension_end@measure-tracker`)!
    expect(newEnd.start.getTime()).toBe(epochMs(NEW_END))
    expect(newEnd.status).toBeUndefined()
    expect(sequenceOf(second, newEnd.uid)).toBe(sequenceOf(second, AFFILIATES_END_UID))
    // Other measures are untouched, byte for byte.
    const others = (text: string) => rawEvents(text).filter((e) => !e.uid.startsWith(`${AFFILIATES}+`))
    expect(others(second)).toEqual(others(first))
  })

  it('says why in every language, and the file stays valid for node-ical in Chinese', () => {
    value(
      call('events.recordOutcome', {
        measureId: AFFILIATES,
        outcome: 'extended',
        at: DEADLINE,
        until: NEW_END,
        source: { url: 'https://www.federalregister.gov/d/x', confidence: 'official' },
      }),
    )
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const cancelled = parse(exportIcs(locale)).get(AFFILIATES_END_UID)!
      expect(cancelled.status).toBe('CANCELLED')
      expect(textOf(cancelled.description)).toMatch(/2027/)
      expect(textOf(cancelled.description)).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe('a removed event', () => {
  it('is cancelled with its old start; the rest of the measure keeps its UIDs', () => {
    const uid = 'us-ustr-301-exclusions+terminated-2026-11-10+terminated@measure-tracker'
    const first = exportIcs()
    const uidsBefore = rawEvents(first)
      .filter((e) => e.uid.startsWith('us-ustr-301-exclusions+'))
      .map((e) => e.uid)
    expect(uidsBefore).toContain(uid)
    now += 60_000
    value(call('events.remove', { measureId: 'us-ustr-301-exclusions', eventId: 'terminated-2026-11-10' }))
    const second = exportIcs()
    expect(cancelledUids(second)).toEqual([uid])
    const cancelled = parse(second).get(uid)!
    expect(cancelled.start.getTime()).toBe(epochMs('2026-11-10T00:00:00-05:00[America/New_York]'))
    expect(textOf(cancelled.description)).toContain('removed')
    expect(sequenceOf(second, uid)).toBeGreaterThan(sequenceOf(first, uid))
    expect(
      rawEvents(second)
        .filter((e) => e.uid.startsWith('us-ustr-301-exclusions+'))
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...uidsBefore].sort())
  })
})

describe('a deleted measure', () => {
  it('has every transition cancelled; undone in the same minute, they are live again with a higher SEQUENCE still', () => {
    const first = exportIcs()
    const uids = rawEvents(first)
      .filter((e) => e.uid.startsWith(`${AFFILIATES}+`))
      .map((e) => e.uid)
    expect(uids.length).toBeGreaterThanOrEqual(3)
    value(call('measures.delete', { id: AFFILIATES }))
    const deleted = exportIcs()
    expect(cancelledUids(deleted).sort()).toEqual([...uids].sort())
    const cancelledSequence = sequenceOf(deleted, uids[0]!)
    for (const uid of uids) {
      expect(sequenceOf(deleted, uid)).toBeGreaterThan(sequenceOf(first, uid))
      expect(textOf(parse(deleted).get(uid)!.description)).toContain('deleted')
    }

    value(call('measures.restore', { id: AFFILIATES }))
    const restored = exportIcs()
    expect(cancelledUids(restored)).toEqual([])
    for (const uid of uids) {
      expect(parse(restored).get(uid)!.status).toBeUndefined()
      expect(sequenceOf(restored, uid)).toBeGreaterThan(cancelledSequence)
    }
  })

  it(`keeps the cancellations in exports for ${CANCELLED_RETENTION_DAYS} days, then forgets them`, () => {
    value(call('measures.delete', { id: AFFILIATES }))
    now = START + (CANCELLED_RETENTION_DAYS - 1) * DAY
    expect(cancelledUids(exportIcs()).length).toBeGreaterThan(0)
    now = START + (CANCELLED_RETENTION_DAYS + 1) * DAY
    expect(cancelledUids(exportIcs())).toEqual([])
  })
})

describe('a moved transition', () => {
  it('keeps its UID, with the new DTSTART and a higher SEQUENCE, and nothing is cancelled', () => {
    const first = exportIcs()
    expect(parse(first).get(AFFILIATES_END_UID)!.start.getTime()).toBe(epochMs(DEADLINE))
    // The other source's reading of the end (00:00 instead of 00:01), chosen in the same minute.
    value(call('events.chooseAlternative', { measureId: AFFILIATES, eventId: 'suspended-2025-11-10', index: 0 }))
    const second = exportIcs()
    expect(parse(second).get(AFFILIATES_END_UID)!.start.getTime()).toBe(epochMs('2026-11-10T00:00:00-05:00[America/New_York]'))
    expect(sequenceOf(second, AFFILIATES_END_UID)).toBeGreaterThan(sequenceOf(first, AFFILIATES_END_UID))
    expect(cancelledUids(second)).toEqual([])
  })
})

describe('an import that replaces measures, and a restored backup', () => {
  const extend = () =>
    value(
      call('events.recordOutcome', {
        measureId: AFFILIATES,
        outcome: 'extended',
        at: DEADLINE,
        until: NEW_END,
        source: { url: 'https://www.federalregister.gov/d/x', confidence: 'official' },
      }),
    ).event

  it('an import that drops a transition cancels it, and keeps what earlier changes cancelled', () => {
    value(call('events.remove', { measureId: 'us-ustr-301-exclusions', eventId: 'terminated-2026-11-10' }))
    const file = value(call('exchange.export', {}))
    const affiliates = file.measures.find((m) => m.id === AFFILIATES)!
    affiliates.events = affiliates.events!.filter((e) => e.kind !== 'suspended')
    const first = exportIcs()
    now += 60_000
    value(call('exchange.import', { file, replace: true }))
    const second = exportIcs()
    expect(cancelledUids(second).sort()).toEqual(
      [
        AFFILIATES_END_UID,
        `${AFFILIATES}+suspended-2025-11-10+suspended@measure-tracker`,
        'us-ustr-301-exclusions+terminated-2026-11-10+terminated@measure-tracker',
      ].sort(),
    )
    expect(sequenceOf(second, AFFILIATES_END_UID)).toBeGreaterThan(sequenceOf(first, AFFILIATES_END_UID))
  })

  it('a restore cancels what the backup does not have and brings back what it has, each with a higher SEQUENCE', () => {
    const { name } = value(call('backups.create', {}))
    const original = exportIcs()
    const extension = extend()
    const extended = exportIcs()
    expect(cancelledUids(extended)).toEqual([AFFILIATES_END_UID])

    // Within the same minute, and the backup's dates are older than every change since.
    value(call('backups.restore', { name }))
    const restored = exportIcs()
    const added = [`${AFFILIATES}+${extension.id}+extended@measure-tracker`, `${AFFILIATES}+${extension.id}+suspension_end@measure-tracker`]
    expect(cancelledUids(restored).sort()).toEqual(added.sort())
    for (const uid of added) expect(sequenceOf(restored, uid)).toBeGreaterThan(sequenceOf(extended, uid))
    expect(parse(restored).get(AFFILIATES_END_UID)!.status).toBeUndefined()
    expect(sequenceOf(restored, AFFILIATES_END_UID)).toBeGreaterThan(sequenceOf(extended, AFFILIATES_END_UID))
    // Every other measure reads as before the extension.
    const others = (text: string) => rawEvents(text).filter((e) => !e.uid.startsWith(`${AFFILIATES}+`))
    expect(others(restored)).toEqual(others(original))
  })
})
