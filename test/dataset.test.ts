// The embedded default dataset (resources/datasets/us-cn-truce-2025.json) must be a valid exchange
// file and keep the facts the tracker relies on: every measure titled in three languages and
// sourced, every event cited, the paired 10 Nov 2025 switch at one instant on both sides,
// counter-measure links in both directions — and, through the real store, the status a user sees
// at a table of instants, each expectation taken from the sources (not from the engine's output).
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { exchangeFileSchema, type ParsedExchangeFile } from '../src/shared/exchange.ts'
import { measureSchema, type RateValue } from '../src/shared/domain.ts'
import { dateOnlyEnd, epochMs, parseZoned } from '../src/shared/time.ts'
import type { MethodName } from '../src/shared/api.ts'
import type { MeasureSummary } from '../src/shared/api-views.ts'
import type { Result } from '../src/shared/result.ts'
import { openStore } from '../src/core/open.ts'
import { openTempStore, tempDir, type TempStore } from './helpers/temp-store.ts'
import { value } from './helpers/results.ts'

const DATASET_URL = new URL('../resources/datasets/us-cn-truce-2025.json', import.meta.url)
/** The dataset as shipped before December 2026 (format version 1, 12 measures). */
const OLD_DATASET_URL = new URL('./fixtures/us-cn-truce-2025-dataset-v1.json', import.meta.url)

const OLD_IDS = [
  'us-bis-affiliates-rule',
  'cn-mofcom-rare-earth-controls',
  'cn-mofcom-ga-ge-sb-ban',
  'us-ustr-301-ships',
  'cn-mot-special-port-fees',
  'cn-mofcom-hanwha-countermeasures',
  'us-ieepa-fentanyl-tariff',
  'us-ieepa-reciprocal-tariff',
  'cn-counter-tariff-24',
  'cn-farm-tariffs-2025',
  'us-ustr-301-exclusions',
  'us-section-122-tariff',
]
const NEW_IDS = [
  'cn-taxcomm-2025-1-tariffs',
  'cn-mofcom-export-control-list-2025-13',
  'cn-mofcom-export-control-list-2025-21',
  'cn-uel-2025-7',
  'cn-gac-soybean-exporters-suspension',
  'cn-gac-us-log-import-ban',
  'cn-soybean-commitment-2025',
  'cn-soybean-commitment-2026',
  'cn-soybean-commitment-2027',
  'cn-soybean-commitment-2028',
  'us-ustr-301-semiconductors',
  'us-ustr-301-phase-one-investigation',
  'us-threatened-100pct-tariff-2025-11',
  'us-threatened-software-export-controls-2025-11',
]
const EXPECTED_IDS = [...OLD_IDS, ...NEW_IDS]

type ParsedMeasure = ParsedExchangeFile['measures'][number]

function loadRaw(url: URL = DATASET_URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8')) as unknown
}

function load(): ParsedExchangeFile {
  const result = exchangeFileSchema.safeParse(loadRaw())
  if (!result.success) throw new Error(`dataset does not parse:\n${JSON.stringify(result.error.issues, null, 2)}`)
  return result.data
}

function measure(file: ParsedExchangeFile, id: string): ParsedMeasure {
  const found = file.measures.find((m) => m.id === id)
  if (!found) throw new Error(`measure ${id} missing`)
  return found
}

function event(file: ParsedExchangeFile, measureId: string, eventId: string) {
  const found = measure(file, measureId).events.find((e) => e.id === eventId)
  if (!found) throw new Error(`event ${measureId}/${eventId} missing`)
  return found
}

describe('embedded dataset us-cn-truce-2025 (file)', () => {
  it('parses with exchangeFileSchema with zero issues, and every measure validates on its own', () => {
    const raw = loadRaw() as { measures: unknown[] }
    const result = exchangeFileSchema.safeParse(raw)
    expect(result.success ? [] : result.error.issues).toEqual([])
    for (const m of raw.measures) {
      const one = measureSchema.safeParse(m)
      expect(one.success ? [] : one.error.issues, (m as { id: string }).id).toEqual([])
    }
  })

  it('has the format-3 header, a dataset name dated December 2026, and the 26 expected measure ids', () => {
    const file = load()
    expect(file.format).toBe('measure-tracker')
    expect(file.version).toBe(3)
    expect(file.name).toBe('US–China truce, November 2025 (dataset of 4 Dec 2026)')
    expect(file.measures.map((m) => m.id).sort()).toEqual([...EXPECTED_IDS].sort())
  })

  it('titles every measure in en, zh-Hant and zh-Hans and gives it at least one source', () => {
    for (const m of load().measures) {
      expect(m.title.en.trim(), m.id).not.toBe('')
      expect(m.title['zh-Hant']?.trim(), `${m.id} zh-Hant`).toBeTruthy()
      expect(m.title['zh-Hans']?.trim(), `${m.id} zh-Hans`).toBeTruthy()
      expect(m.sources.length, `${m.id} sources`).toBeGreaterThanOrEqual(1)
      expect(m.events.length, `${m.id} events`).toBeGreaterThanOrEqual(1)
    }
  })

  it('cites one of the measure’s own sources on every event, alternative and progress figure (or says in the note why not)', () => {
    for (const m of load().measures) {
      const own = new Set(m.sources.map((s) => s.id))
      for (const e of m.events) {
        const saysWhyNot = /\bno (stored )?source\b/i.test(e.note)
        expect(e.sourceIds.length > 0 || saysWhyNot, `${m.id}/${e.id} cites nothing and does not say why`).toBe(true)
        expect(e.note.trim(), `${m.id}/${e.id} note`).not.toBe('')
        for (const id of e.sourceIds) expect(own.has(id), `${m.id}/${e.id} cites ${id}`).toBe(true)
        for (const alt of e.alternatives) {
          expect(alt.sourceIds.length, `${m.id}/${e.id} alternative`).toBeGreaterThanOrEqual(1)
          for (const id of alt.sourceIds) expect(own.has(id), `${m.id}/${e.id} alternative cites ${id}`).toBe(true)
        }
      }
      for (const p of m.progress) {
        expect(p.sourceIds.length, `${m.id} progress ${p.id}`).toBeGreaterThanOrEqual(1)
        for (const id of p.sourceIds) expect(own.has(id), `${m.id} progress ${p.id} cites ${id}`).toBe(true)
      }
    }
  })

  it('marks what could not be checked: a source of confidence “unverified” is never the only support of an event', () => {
    for (const m of load().measures) {
      const unverified = new Set(m.sources.filter((s) => s.confidence === 'unverified').map((s) => s.id))
      for (const e of m.events) {
        if (e.sourceIds.length === 0) continue
        expect(
          e.sourceIds.every((id) => unverified.has(id)),
          `${m.id}/${e.id} rests only on unverified sources`,
        ).toBe(false)
      }
    }
    // The one low-quality page used is marked as such.
    const soy = measure(load(), 'cn-soybean-commitment-2025')
    expect(soy.sources.find((s) => s.id === 'ckhq-soybeans-8mt')?.confidence).toBe('unverified')
  })

  it('lists events in time order and uses https source URLs', () => {
    for (const m of load().measures) {
      const times = m.events.map((e) => epochMs(e.at))
      expect(times, m.id).toEqual([...times].sort((a, b) => a - b))
      for (const s of m.sources) expect(s.url.startsWith('https://'), `${m.id}/${s.id}`).toBe(true)
    }
  })

  it('switches the US and Chinese 10 Nov 2025 suspensions at the same instant (00:01 EST = 13:01 Beijing)', () => {
    const file = load()
    const us = measure(file, 'us-ustr-301-ships').events.find((e) => e.kind === 'suspended')
    const cn = measure(file, 'cn-mot-special-port-fees').events.find((e) => e.kind === 'suspended')
    expect(us?.at).toBe('2025-11-10T00:01:00-05:00[America/New_York]')
    expect(cn?.at).toBe('2025-11-10T13:01:00+08:00[Asia/Shanghai]')
    expect(epochMs(us!.at)).toBe(epochMs(cn!.at))
    expect(epochMs(cn!.at)).toBe(Date.UTC(2025, 10, 10, 5, 1))

    // Every other 10 Nov 2025 switch stated at 12:01 a.m. EST or 13:01 Beijing is the same instant.
    const switchMs = epochMs(us!.at)
    const switches = file.measures.flatMap((m) =>
      m.events.filter((e) => /^2025-11-10T(00:01|13:01)/.test(e.at)).map((e) => ({ where: `${m.id}/${e.id}`, ms: epochMs(e.at) })),
    )
    expect(switches.length).toBeGreaterThanOrEqual(5)
    for (const s of switches) expect(s.ms, s.where).toBe(switchMs)

    // The one-year ends stated or derived on the same wall clocks coincide too, one year later.
    const endMs = epochMs('2026-11-10T00:01:00-05:00[America/New_York]')
    const ends = file.measures.flatMap((m) =>
      m.events
        .filter((e) => e.until !== null && /^2026-11-10T(00:01|13:01)/.test(e.until))
        .map((e) => ({ where: `${m.id}/${e.id}`, ms: epochMs(e.until!) })),
    )
    expect(ends.length).toBeGreaterThanOrEqual(4)
    for (const e of ends) expect(e.ms, e.where).toBe(endMs)
  })

  it('links counter-measures in both directions, and only to measures in the file', () => {
    const file = load()
    const ids = new Set(file.measures.map((m) => m.id))
    for (const m of file.measures) {
      for (const link of m.links) {
        expect(ids.has(link.targetId), `${m.id} → ${link.targetId}`).toBe(true)
        const back = measure(file, link.targetId).links.find((l) => l.targetId === m.id)
        if (link.relation === 'counter') expect(back?.relation, `${link.targetId} → ${m.id}`).toBe('counter')
      }
    }
    const pairs: [string, string][] = [
      ['us-bis-affiliates-rule', 'cn-mofcom-rare-earth-controls'],
      ['us-ustr-301-ships', 'cn-mot-special-port-fees'],
      ['us-ustr-301-ships', 'cn-mofcom-hanwha-countermeasures'],
      ['us-ieepa-reciprocal-tariff', 'cn-counter-tariff-24'],
      ['us-ieepa-fentanyl-tariff', 'cn-farm-tariffs-2025'],
      // Added measures and what they answer (data review §5).
      ['us-ieepa-fentanyl-tariff', 'cn-taxcomm-2025-1-tariffs'],
      ['us-ieepa-fentanyl-tariff', 'cn-mofcom-export-control-list-2025-13'],
      ['us-ieepa-fentanyl-tariff', 'cn-gac-soybean-exporters-suspension'],
      ['us-ieepa-fentanyl-tariff', 'cn-gac-us-log-import-ban'],
      ['us-ieepa-reciprocal-tariff', 'cn-mofcom-export-control-list-2025-21'],
      ['us-ieepa-reciprocal-tariff', 'cn-uel-2025-7'],
      ['cn-mofcom-rare-earth-controls', 'us-threatened-100pct-tariff-2025-11'],
      ['cn-mofcom-rare-earth-controls', 'us-threatened-software-export-controls-2025-11'],
    ]
    for (const [a, b] of pairs) {
      expect(measure(file, a).links, `${a} → ${b}`).toContainEqual({ targetId: b, relation: 'counter' })
      expect(measure(file, b).links, `${b} → ${a}`).toContainEqual({ targetId: a, relation: 'counter' })
    }
    // No. 2 answered the March fentanyl increase only (its preamble cites it): no link to the reciprocal tariff (review §1.9).
    expect(measure(file, 'cn-farm-tariffs-2025').links.map((l) => l.targetId)).not.toContain('us-ieepa-reciprocal-tariff')
    expect(measure(file, 'us-ieepa-reciprocal-tariff').links.map((l) => l.targetId)).not.toContain('cn-farm-tariffs-2025')
  })

  it('ends the Affiliates rule suspension on 10 Nov 2026 in America/New_York and keeps the “through 9 Nov” reading', () => {
    const rule = measure(load(), 'us-bis-affiliates-rule')
    const suspension = rule.events.find((e) => e.kind === 'suspended')
    expect(suspension?.until).toBeTruthy()
    const until = parseZoned(suspension!.until!)
    expect(until.timeZoneId).toBe('America/New_York')
    expect(until.toPlainDate().toString()).toBe('2026-11-10')
    expect(suspension!.until).toBe('2026-11-10T00:01:00-05:00[America/New_York]')
    const alternative = suspension!.alternatives.find((a) => a.field === 'until')
    expect(alternative?.value).toBe(dateOnlyEnd('2026-11-09', 'America/New_York'))
    expect(alternative?.sourceIds.length).toBeGreaterThanOrEqual(1)
  })

  it('reads China’s 「至X日」 ends as inclusive (dateOnlyEnd) and keeps the start-of-day reading as a sourced alternative (review §1.1)', () => {
    const file = load()
    const cases = [
      { measure: 'cn-mofcom-rare-earth-controls', event: 'suspended-2025-11-07', date: '2026-11-10' }, // MOFCOM/GAC No. 70
      { measure: 'cn-mofcom-ga-ge-sb-ban', event: 'suspended-2025-11-09', date: '2026-11-27' }, // MOFCOM No. 72
    ]
    for (const c of cases) {
      const e = event(file, c.measure, c.event)
      expect(e.until, c.measure).toBe(dateOnlyEnd(c.date, 'Asia/Shanghai'))
      expect(e.alternatives, c.measure).toContainEqual(
        expect.objectContaining({ field: 'until', value: `${c.date}T00:00:00+08:00[Asia/Shanghai]` }),
      )
      expect(e.note).toContain(`至${c.date.slice(0, 4)}年11月${Number(c.date.slice(8))}日`)
    }
  })

  it('records the reciprocal tariff and the counter-tariff as 34% with 24 points suspended, citing EO 14334 and No. 10 (review §1.2, §1.9)', () => {
    const file = load()
    for (const [id, eventId] of [
      ['us-ieepa-reciprocal-tariff', 'suspended-2025-05-14'],
      ['cn-counter-tariff-24', 'suspended-2025-05-14'],
    ] as const) {
      const m = measure(file, id)
      expect(m.rateValue, id).toEqual({ value: 34, unit: 'percent' })
      expect(event(file, id, eventId).part, id).toEqual({ rate: 24, scope: null })
      // Extensions keep the running part.
      for (const e of m.events.filter((x) => x.kind === 'extended')) expect(e.part, `${id}/${e.id}`).toBeNull()
    }
    expect(measure(file, 'us-ieepa-reciprocal-tariff').instrumentNumber).toContain('EO 14334')
    expect(event(file, 'us-ieepa-reciprocal-tariff', 'extended-2025-08-11').sourceIds).toContain('legistrack-eo14334')
    expect(measure(file, 'cn-counter-tariff-24').instrumentNumber).not.toMatch(/one transcription/)
  })

  it('records the IEEPA ruling, the Section 122 replacement and its scheduled 150-day end', () => {
    const file = load()
    for (const id of ['us-ieepa-fentanyl-tariff', 'us-ieepa-reciprocal-tariff']) {
      const terminated = measure(file, id).events.find((e) => e.kind === 'terminated')
      expect(terminated?.at, id).toBe('2026-02-24T00:00:00-05:00[America/New_York]')
    }
    const s122 = measure(file, 'us-section-122-tariff')
    expect(s122.tags).toContain('global')
    expect(s122.events.find((e) => e.kind === 'effective')?.at).toBe('2026-02-24T00:01:00-05:00[America/New_York]')
    const sunset = s122.events.find((e) => e.kind === 'terminated')
    expect(sunset?.scheduled).toBe(true)
    expect(sunset?.at).toBe('2026-07-24T00:01:00-04:00[America/New_York]')
  })

  it('records China’s farm tariffs as stopped (停止实施 = terminated) at 13:01 on 10 Nov 2025, with the US reading attributed to EO 14358 (review §1.3–1.4)', () => {
    const file = load()
    const farm = measure(file, 'cn-farm-tariffs-2025')
    expect(farm.events.some((e) => e.kind === 'suspended')).toBe(false)
    const stop = event(file, 'cn-farm-tariffs-2025', 'terminated-2025-11-10')
    expect(stop.kind).toBe('terminated')
    expect(stop.at).toBe('2025-11-10T13:01:00+08:00[Asia/Shanghai]')
    expect(stop.note).toContain('停止实施')
    const us = stop.alternatives.find((a) => a.field === 'until')
    expect(us?.sourceIds).toContain('legistrack-eo14358')
    expect(us?.sourceIds).not.toContain('wh-fact-sheet')
    expect(us?.value).toBe(dateOnlyEnd('2026-12-31', 'Asia/Shanghai'))
    // The stop is a separate announcement from No. 10 (udn 9119083: two announcements on 5 Nov 2025).
    expect(farm.instrumentNumber).toContain('separate announcement from No. 10')
    expect(farm.summary).not.toMatch(/possibly No\. 10/)
  })

  it('shows the rare-earth package in force from 9 Oct 2025 and the exclusions in force before 30 Nov 2025 (review §1.5–1.6)', () => {
    const file = load()
    expect(event(file, 'cn-mofcom-rare-earth-controls', 'effective-2025-10-09').at).toBe('2025-10-09T00:00:00+08:00[Asia/Shanghai]')
    const excl = measure(file, 'us-ustr-301-exclusions')
    expect(epochMs(excl.events[0]!.at)).toBeLessThan(epochMs('2025-11-30T00:00:00-05:00[America/New_York]'))
    expect(excl.events[0]!.kind).toBe('effective')
  })

  it('records the 17 Apr 2026 port-fee steps on both sides, and the legacy-chip rise of 23 Jun 2027 as a scheduled step with no rate yet', () => {
    const file = load()
    const us = event(file, 'us-ustr-301-ships', 'rate-step-2026-04-17')
    expect(us.kind).toBe('rate_step')
    expect(us.rateValue).toEqual({ value: 80, unit: 'amount', currency: 'USD', per: 'net ton' })
    const cn = event(file, 'cn-mot-special-port-fees', 'rate-step-2026-04-17')
    expect(cn.kind).toBe('rate_step')
    expect(cn.rateValue).toEqual({ value: 640, unit: 'amount', currency: 'CNY', per: 'net ton' })
    const chips = event(file, 'us-ustr-301-semiconductors', 'rate-step-2027-06-23')
    expect(chips.kind).toBe('rate_step')
    expect(chips.scheduled).toBe(true)
    expect(chips.rateValue).toBeNull()
    expect(chips.at).toBe('2027-06-23T00:00:00-04:00[America/New_York]')
  })

  it('uses 第二款 (clause 2) for MOFCOM announcement 2024 No. 46 and names graphite in the title (review §1.8)', () => {
    const m = measure(load(), 'cn-mofcom-ga-ge-sb-ban')
    expect(m.title['zh-Hans']).toContain('第二款')
    expect(m.title['zh-Hant']).toContain('第二款')
    expect(m.title['zh-Hans']).toContain('石墨')
    expect(m.instrumentNumber).toContain('clause 2')
    expect(JSON.stringify(m)).not.toContain('第二条')
  })

  it('records the soybean undertakings as commitments with a target and a deadline', () => {
    const file = load()
    const y2025 = measure(file, 'cn-soybean-commitment-2025')
    expect(y2025.category).toBe('commitment')
    expect(y2025.commitment).toEqual(expect.objectContaining({ target: 12, deadline: '2026-01-01T00:00:00+08:00[Asia/Shanghai]' }))
    expect(y2025.progress.length).toBeGreaterThanOrEqual(1)
    const y2026 = measure(file, 'cn-soybean-commitment-2026')
    expect(y2026.category).toBe('commitment')
    expect(y2026.commitment).toEqual(expect.objectContaining({ target: 25, deadline: '2027-01-01T00:00:00+08:00[Asia/Shanghai]' }))
    // One measure per period (model contract): 2027 and 2028 as well, linked to their neighbours.
    for (const year of [2027, 2028]) {
      const m = measure(file, `cn-soybean-commitment-${year}`)
      expect(m.category).toBe('commitment')
      expect(m.commitment).toEqual(expect.objectContaining({ target: 25, deadline: `${year + 1}-01-01T00:00:00+08:00[Asia/Shanghai]` }))
      expect(m.links).toContainEqual({ targetId: `cn-soybean-commitment-${year - 1}`, relation: 'related' })
    }
  })

  it('invents nothing after the November 2026 end dates: later events are scheduled steps or commitment periods stated in a cited instrument', () => {
    const limit = epochMs('2026-11-28T00:00:00+08:00[Asia/Shanghai]')
    const later: string[] = []
    for (const m of load().measures) {
      for (const e of m.events) {
        if (epochMs(e.at) <= limit) continue
        later.push(`${m.id}/${e.id}`)
        const periodStart = m.category === 'commitment' && e.kind === 'effective'
        expect(e.scheduled || periodStart, `${m.id}/${e.id} after November 2026 must be a scheduled step or a commitment period`).toBe(true)
        expect(e.sourceIds.length, `${m.id}/${e.id}`).toBeGreaterThanOrEqual(1)
      }
    }
    expect(later.sort()).toEqual([
      'cn-soybean-commitment-2027/effective-2027-01-01',
      'cn-soybean-commitment-2028/effective-2028-01-01',
      'us-ustr-301-semiconductors/rate-step-2027-06-23',
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// The status table. Each row is what the cited sources imply for the measure at the instant —
// written from the sources, then checked against what the store answers (measures.list at T).
// Columns: status, rate in effect ("10%", "USD 80/net ton", null = no number), next transition
// ("kind at", null = none), needsReview, and for commitments the outcome.
// ---------------------------------------------------------------------------------------------

const INSTANTS = {
  t1: '2025-11-10T05:00:00+00:00[UTC]', // 00:00 EST / 13:00 Beijing: one minute before the shared switch
  t2: '2025-11-10T05:02:00+00:00[UTC]', // one minute after it
  t3: '2026-06-01T12:00:00+00:00[UTC]', // mid-truce (after the 17 Apr 2026 fee steps)
  t4: '2026-11-10T06:00:00+00:00[UTC]', // 01:00 EST / 14:00 Beijing on 10 Nov 2026: US ends passed, 「至11月10日」 not yet
  t5: '2026-11-10T17:00:00+00:00[UTC]', // 01:00 Beijing on 11 Nov: the inclusive 「至11月10日」 end passed
  t6: '2026-11-27T17:00:00+00:00[UTC]', // 01:00 Beijing on 28 Nov: the inclusive 「至11月27日」 end passed
  t7: '2027-06-23T12:00:00+00:00[UTC]', // 08:00 EDT on 23 Jun 2027: the legacy-chip step passed
} as const
type InstantKey = keyof typeof INSTANTS

type Row = [status: string, rateInEffect: string | null, next: string | null, needsReview: boolean, outcome?: string]
interface TableEntry {
  /** Where the expectation comes from. */
  source: string
  rows: Record<InstantKey, Row>
}

const same = (row: Row, ...keys: InstantKey[]): Partial<Record<InstantKey, Row>> => Object.fromEntries(keys.map((k) => [k, row]))
const rows = (...parts: Partial<Record<InstantKey, Row>>[]): Record<InstantKey, Row> =>
  Object.assign({}, ...parts) as Record<InstantKey, Row>

const NY_SWITCH = '2025-11-10T00:01:00-05:00[America/New_York]'
const BJ_SWITCH = '2025-11-10T13:01:00+08:00[Asia/Shanghai]'
const NY_END = '2026-11-10T00:01:00-05:00[America/New_York]'
const BJ_END = '2026-11-10T13:01:00+08:00[Asia/Shanghai]'
const BJ_DAY_END = '2026-11-10T00:00:00+08:00[Asia/Shanghai]'

const TABLE: Record<string, TableEntry> = {
  'us-bis-affiliates-rule': {
    source:
      'BIS final rule (Squire, Fenwick): suspended from 10 Nov 2025 (12:01 a.m. EST, the shared switch) “through 9 Nov 2026”, reimposed 10 Nov 2026 absent an extension; nothing recorded after (reference, “What happened afterwards”)',
    rows: rows(
      { t1: ['in_force', null, `suspended ${NY_SWITCH}`, false] },
      same(['suspended', null, `suspension_end ${NY_END}`, false], 't2', 't3'),
      same(['in_force', null, null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-mofcom-rare-earth-controls': {
    source:
      'udn 9059047 (No. 62 and No. 61 item (三) in force on publication, 9 Oct 2025); No. 70 via udn 9125818: 「自即日起至2026年11月10日」 suspended, inclusive → ends 00:00 Beijing 11 Nov 2026 (16:00 UTC 10 Nov)',
    rows: rows(
      same(['suspended', null, 'suspension_end 2026-11-11T00:00:00+08:00[Asia/Shanghai]', false], 't1', 't2', 't3', 't4'),
      same(['in_force', null, null, true], 't5', 't6', 't7'),
    ),
  },
  'cn-mofcom-ga-ge-sb-ban': {
    source:
      'MOFCOM No. 72 via swissinfo/AFP and cnyes: 「自即日起至2026年11月27日……第二款暂停实施」 from 9 Nov 2025, inclusive → ends 00:00 Beijing 28 Nov 2026 (16:00 UTC 27 Nov)',
    rows: rows(
      same(['suspended', null, 'suspension_end 2026-11-28T00:00:00+08:00[Asia/Shanghai]', false], 't1', 't2', 't3', 't4', 't5'),
      same(['in_force', null, null, true], 't6', 't7'),
    ),
  },
  'us-ustr-301-ships': {
    source:
      'Fees from 14 Oct 2025 at USD 50/net ton, USD 80 from 17 Apr 2026 (90 FR 17114 via Thompson Hine 2025-04); suspended 12:01 a.m. EST 10 Nov 2025 “until 10 Nov 2026”, no liability during the suspension (Thompson Hine ?p=8715, Vedder Price); after the end the phase-III fee is the inferred rate',
    rows: rows(
      { t1: ['in_force', 'USD 50/net ton', `suspended ${NY_SWITCH}`, false] },
      { t2: ['suspended', 'USD 0/net ton', 'rate_step 2026-04-17T00:00:00-04:00[America/New_York]', false] },
      { t3: ['suspended', 'USD 0/net ton', `suspension_end ${NY_END}`, false] },
      same(['in_force', 'USD 80/net ton', null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-mot-special-port-fees': {
    source:
      'MOT No. 54: RMB 400/net ton from 14 Oct 2025, RMB 640 from 17 Apr 2026 (hk01, bastille); suspended for “1年” from 13:01 Beijing 10 Nov 2025 (udn 9129321, ettoday) — end derived',
    rows: rows(
      { t1: ['in_force', 'CNY 400/net ton', `suspended ${BJ_SWITCH}`, false] },
      { t2: ['suspended', 'CNY 0/net ton', 'rate_step 2026-04-17T00:00:00+08:00[Asia/Shanghai]', false] },
      { t3: ['suspended', 'CNY 0/net ton', `suspension_end ${BJ_END}`, false] },
      same(['in_force', 'CNY 640/net ton', null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-mofcom-hanwha-countermeasures': {
    source:
      'MOFCOM decision of 10 Nov 2025: 「自北京时间10日起，暂停……一年」 (hkcna via the review; takungpao) — date only, start of day Beijing; end derived',
    rows: rows(
      same(['suspended', null, `suspension_end ${BJ_DAY_END}`, false], 't1', 't2', 't3'),
      same(['in_force', null, null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'us-ieepa-fentanyl-tariff': {
    source:
      'EO 14228 (20% from 4 Mar 2025); EO 14357: 10% from 12:01 a.m. EST 10 Nov 2025 (legistrack, mondaq 1702374); CBP stopped IEEPA collection 12:00 a.m. ET 24 Feb 2026 after Learning Resources v. Trump (natlawreview, mondaq 1750606)',
    rows: rows(
      { t1: ['in_force', '20%', `amended ${NY_SWITCH}`, false] },
      { t2: ['in_force', '10%', 'terminated 2026-02-24T00:00:00-05:00[America/New_York]', false] },
      same(['terminated', '0%', null, false], 't3', 't4', 't5', 't6', 't7'),
    ),
  },
  'us-ieepa-reciprocal-tariff': {
    source:
      'EO 14257 (34%); EO 14298 / EO 14334 / EO 14358: 24 points suspended, 10% charged, until 12:01 a.m. EST 10 Nov 2026 (legistrack, bocintl); IEEPA collection stopped 24 Feb 2026 (natlawreview)',
    rows: rows(
      same(['partly_suspended', '10%', 'terminated 2026-02-24T00:00:00-05:00[America/New_York]', false], 't1', 't2'),
      same(['terminated', '0%', null, false], 't3', 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-counter-tariff-24': {
    source:
      'Tariff Commission No. 4 (34%) and No. 10 (chinagovernance 12683872): 「自2025年11月10日13时01分起……在一年内继续暂停实施24%……保留10%」 — end derived; nothing recorded after',
    rows: rows(
      same(['partly_suspended', '10%', `suspension_end ${BJ_END}`, false], 't1', 't2', 't3'),
      same(['in_force', '34%', null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-farm-tariffs-2025': {
    source:
      'Tariff Commission announcement of 5 Nov 2025 (udn 9119083, hk01 60291607): from 13:01 Beijing 10 Nov 2025 「停止实施」 — stopped, no end; rate 10–15% has no single number',
    rows: rows(
      { t1: ['in_force', null, `terminated ${BJ_SWITCH}`, false] },
      same(['terminated', null, null, false], 't2', 't3', 't4', 't5', 't6', 't7'),
    ),
  },
  'us-ustr-301-exclusions': {
    source:
      'USTR notices: in force 1 Jun – 31 Aug 2025 (jdsupra), through 29 Nov 2025 (USTR notice via MTI; GHY), then 30 Nov 2025 to 10 Nov 2026 (MTI; lawyerfanzhang); nothing recorded after',
    rows: rows(
      same(['in_force', null, 'effective 2025-11-30T00:00:00-05:00[America/New_York]', false], 't1', 't2'),
      { t3: ['in_force', null, 'terminated 2026-11-10T00:00:00-05:00[America/New_York]', false] },
      same(['terminated', null, null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'us-section-122-tariff': {
    source:
      'Proclamation of 20 Feb 2026: 10% from 12:01 a.m. ET 24 Feb 2026 for 150 days, to 12:01 a.m. EDT 24 Jul 2026 (GHY, Thompson Hine); no replacement recorded',
    rows: rows(
      same(['pending', '0%', 'announced 2026-02-20T00:00:00-05:00[America/New_York]', false], 't1', 't2'),
      { t3: ['in_force', '10%', 'terminated 2026-07-24T00:01:00-04:00[America/New_York]', false] },
      same(['terminated', '0%', null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-taxcomm-2025-1-tariffs': {
    source:
      'Tariff Commission 2025 No. 1 (MOF text via luliao): 15% / 10% from 10 Feb 2025; not covered by the truce (fact sheet: tariffs “announced since March 4, 2025”); no later change found',
    rows: rows(same(['in_force', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'cn-mofcom-export-control-list-2025-13': {
    source:
      'MOFCOM spokesman, 5 Nov 2025 (Xinhua via livedoor): measures on the 15 entities of No. 13 lifted from 10 Nov 2025 (date only → 00:00 Beijing, before t1)',
    rows: rows(same(['terminated', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'cn-mofcom-export-control-list-2025-21': {
    source:
      'MOFCOM spokesman: suspended 90 days from 14 May 2025 (Xinhua via Shanghai Daily), continued 90 days from 12 Aug 2025 (ettoday, stheadline), then one year from 10 Nov 2025 (livedoor) — end derived, start of day Beijing',
    rows: rows(
      same(['suspended', null, `suspension_end ${BJ_DAY_END}`, false], 't1', 't2', 't3'),
      same(['in_force', null, null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-uel-2025-7': {
    source:
      'MOFCOM spokesman: [2025] No. 7 measures suspended 90 days from 14 May 2025 (GMT8, Xinhua), 90 more days from 12 Aug 2025 (stheadline), then one more year from 10 Nov 2025 (livedoor) — end derived',
    rows: rows(
      same(['suspended', null, `suspension_end ${BJ_DAY_END}`, false], 't1', 't2', 't3'),
      same(['in_force', null, null, true], 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-gac-soybean-exporters-suspension': {
    source:
      'GAC announcement of 7 Nov 2025 repealing No. 30, eligibility restored from 10 Nov 2025 (udn 9125818, udn 9125333) — date only, 00:00 Beijing, before t1',
    rows: rows(same(['terminated', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'cn-gac-us-log-import-ban': {
    source:
      'GAC announcement repealing No. 29, in force from 10 Nov 2025 (udn 9125818, World Journal 9127622) — date only, 00:00 Beijing, before t1',
    rows: rows(same(['terminated', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'cn-soybean-commitment-2025': {
    source:
      'Fact sheet: ≥12 Mt in the last two months of 2025 (deadline 00:00 Beijing 1 Jan 2026); USDA: >8 Mt by 8 Jan 2026; completed only in the week of 19 Jan 2026 (Bessent at Davos, news.net) → missed on the fact-sheet deadline',
    rows: rows(
      same(['in_force', null, 'commitment_deadline 2026-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'], 't1', 't2'),
      same(['in_force', null, null, false, 'missed'], 't3', 't4', 't5', 't6', 't7'),
    ),
  },
  'cn-soybean-commitment-2026': {
    source:
      'Fact sheet: ≥25 Mt in each of 2026–2028 (period 2026 from 00:00 Beijing 1 Jan 2026 to 1 Jan 2027); no 2026 figure in the stored sources → needs review after the deadline',
    rows: rows(
      same(['pending', null, 'effective 2026-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'], 't1', 't2'),
      same(['in_force', null, 'commitment_deadline 2027-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'], 't3', 't4', 't5', 't6'),
      { t7: ['in_force', null, null, true, 'needs_review'] },
    ),
  },
  'cn-soybean-commitment-2027': {
    source: 'Fact sheet: ≥25 Mt in each of 2026, 2027 and 2028 — period 2027 from 00:00 Beijing 1 Jan 2027; no figure yet',
    rows: rows(
      same(['pending', null, 'effective 2027-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'], 't1', 't2', 't3', 't4', 't5', 't6'),
      { t7: ['in_force', null, 'commitment_deadline 2028-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'] },
    ),
  },
  'cn-soybean-commitment-2028': {
    source:
      'Fact sheet: ≥25 Mt in each of 2026, 2027 and 2028 — period 2028 from 00:00 Beijing 1 Jan 2028 (after every instant of the table)',
    rows: rows(
      same(
        ['pending', null, 'effective 2028-01-01T00:00:00+08:00[Asia/Shanghai]', false, 'pending'],
        't1',
        't2',
        't3',
        't4',
        't5',
        't6',
        't7',
      ),
    ),
  },
  'us-ustr-301-semiconductors': {
    source:
      'USTR notice of action of 23 Dec 2025 (NCBFAA; Thompson Hine ?p=8784): 0% now, “increasing … on June 23, 2027, to a rate to be announced” — no rate recorded, so the passed step needs review',
    rows: rows(
      same(['pending', '0%', 'effective 2025-12-23T00:00:00-05:00[America/New_York]', false], 't1', 't2'),
      same(['in_force', '0%', 'rate_step 2027-06-23T00:00:00-04:00[America/New_York]', false], 't3', 't4', 't5', 't6'),
      { t7: ['in_force', null, null, true] },
    ),
  },
  'us-ustr-301-phase-one-investigation': {
    source:
      'USTR release of 24 Oct 2025 (c-air, isenews): investigation initiated; comments to 1 Dec, hearing 16 Dec 2025; no determination found',
    rows: rows(same(['in_force', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'us-threatened-100pct-tariff-2025-11': {
    source:
      'Announced 10 Oct 2025 for 1 Nov (E&E News, Mint); “effectively off the table” 26 Oct 2025 (Bessent via Reuters/Newsmax, CBS via LoudFact); never imposed',
    rows: rows(same(['terminated', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
  'us-threatened-software-export-controls-2025-11': {
    source:
      'Announced 10 Oct 2025 with the 100% tariff (E&E News, Mint); averted with it on 26 Oct 2025 (Reuters via TimesLIVE); no rule issued',
    rows: rows(same(['terminated', null, null, false], 't1', 't2', 't3', 't4', 't5', 't6', 't7')),
  },
}

function rateText(rate: RateValue | null): string | null {
  if (rate === null) return null
  if (rate.unit === 'percent') return `${rate.value}%`
  return `${rate.currency} ${rate.value}${rate.per ? `/${rate.per}` : ''}`
}

function observed(summary: MeasureSummary): Row {
  const row: Row = [
    summary.status,
    rateText(summary.rateInEffect),
    summary.next === null ? null : `${summary.next.kind} ${summary.next.at}`,
    summary.needsReview,
  ]
  if (summary.commitment) row.push(summary.commitment.outcome)
  return row
}

describe('embedded dataset us-cn-truce-2025 (status a user sees, through the store)', () => {
  let temp: TempStore
  beforeAll(async () => {
    temp = await openTempStore({ nowMs: () => Date.parse('2026-12-04T12:00:00Z') })
  })
  afterAll(() => temp.cleanup())

  it('has a row in the table for every measure, and no row for a measure it lacks', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...EXPECTED_IDS].sort())
  })

  it('shows the conflicting readings as date conflicts, and refuses to let the US reading of the farm tariffs drive a termination', () => {
    const list = value(temp.store.core.call('measures.list', {}) as Result<MeasureSummary[]>)
    const conflicted = list.filter((m) => m.hasDateConflict).map((m) => m.id)
    for (const id of [
      'cn-farm-tariffs-2025',
      'cn-mofcom-rare-earth-controls',
      'cn-mofcom-ga-ge-sb-ban',
      'us-bis-affiliates-rule',
      'us-ustr-301-ships',
    ]) {
      expect(conflicted, id).toContain(id)
    }
    const chosen = temp.store.core.call('events.chooseAlternative', {
      measureId: 'cn-farm-tariffs-2025',
      eventId: 'terminated-2025-11-10',
      index: 0,
    }) as Result<unknown>
    expect(chosen.ok).toBe(false)
    const at = '2026-06-01T12:00:00+00:00[UTC]'
    const farm = value(temp.store.core.call('measures.list', { at }) as Result<MeasureSummary[]>).find(
      (m) => m.id === 'cn-farm-tariffs-2025',
    )
    expect(farm?.status).toBe('terminated')
  })

  for (const [key, at] of Object.entries(INSTANTS) as [InstantKey, string][]) {
    it(`matches the source table at ${at}`, () => {
      const list = value(temp.store.core.call('measures.list', { at }) as Result<MeasureSummary[]>)
      const actual = Object.fromEntries(list.map((s) => [s.id, observed(s)]))
      const expected = Object.fromEntries(Object.entries(TABLE).map(([id, entry]) => [id, entry.rows[key]]))
      expect(actual).toEqual(expected)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// A newer embedded dataset never overwrites a user's data. Seeding fills only a database that has
// never held measures; an existing user gets the new file through `import`, whose existing rules
// report the measures already present as a conflict and write nothing.
// ---------------------------------------------------------------------------------------------

describe('a newer embedded dataset and an existing database', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!()
  })

  const call = (temp: TempStore, method: MethodName, input: unknown) => temp.store.core.call(method, input)

  async function seededFromOldDataset(): Promise<TempStore> {
    const temp = await openTempStore({ seed: false })
    cleanups.push(() => temp.cleanup())
    value(call(temp, 'exchange.import', { file: loadRaw(OLD_DATASET_URL) }) as Result<unknown>)
    return temp
  }

  it('reports the measures a database seeded from the old dataset already has as a conflict, and changes nothing', async () => {
    const temp = await seededFromOldDataset()
    const note = value(
      call(temp, 'notes.add', { measureId: 'cn-farm-tariffs-2025', body: 'My own note: check the EO 14358 date.' }) as Result<{
        id: string
      }>,
    )
    const before = JSON.stringify(value(call(temp, 'exchange.export', {}) as Result<{ measures: unknown[] }>).measures)

    for (const dryRun of [true, false]) {
      const result = call(temp, 'exchange.import', { file: loadRaw(), dryRun }) as Result<unknown>
      expect(result.ok, `dryRun ${dryRun}`).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('CONFLICT')
      expect((result.error.details as { ids: string[] }).ids.sort()).toEqual([...OLD_IDS].sort())
    }

    const after = value(call(temp, 'exchange.export', {}) as Result<{ measures: { id: string; notes: { id: string; body: string }[] }[] }>)
    expect(JSON.stringify(after.measures)).toBe(before)
    expect(after.measures.map((m) => m.id).sort()).toEqual([...OLD_IDS].sort())
    expect(after.measures.find((m) => m.id === 'cn-farm-tariffs-2025')?.notes.map((n) => n.id)).toContain(note.id)
  })

  it('never seeds a database that already holds measures: reopening with seeding on keeps the old twelve', async () => {
    const dir = tempDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const path = join(dir, 'measures.db')
    const first = await openStore({ path, actor: 'test', seed: false })
    value(first.core.call('exchange.import', { file: loadRaw(OLD_DATASET_URL) }) as Result<unknown>)
    first.close()

    const again = await openStore({ path, actor: 'test', seed: true })
    try {
      const ids = value(again.core.call('measures.list', {}) as Result<MeasureSummary[]>).map((m) => m.id)
      expect(ids.sort()).toEqual([...OLD_IDS].sort())
    } finally {
      again.close()
    }
  })

  it('seeds an empty database with the whole new dataset', async () => {
    const temp = await openTempStore()
    cleanups.push(() => temp.cleanup())
    const ids = value(call(temp, 'measures.list', {}) as Result<MeasureSummary[]>).map((m) => m.id)
    expect(ids.sort()).toEqual([...EXPECTED_IDS].sort())
  })
})
