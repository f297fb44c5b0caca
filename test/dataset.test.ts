// The embedded default dataset (resources/datasets/us-cn-truce-2025.json) must be a valid exchange
// file and keep the facts the tracker relies on: every measure titled in three languages and
// sourced, every event cited, the paired 10 Nov 2025 switch at one instant on both sides, and
// counter-measure links in both directions.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exchangeFileSchema, type ParsedExchangeFile } from '../src/shared/exchange.ts'
import { epochMs, parseZoned } from '../src/shared/time.ts'

const DATASET_URL = new URL('../resources/datasets/us-cn-truce-2025.json', import.meta.url)

const EXPECTED_IDS = [
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

type ParsedMeasure = ParsedExchangeFile['measures'][number]

function loadRaw(): unknown {
  return JSON.parse(readFileSync(DATASET_URL, 'utf8')) as unknown
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

describe('embedded dataset us-cn-truce-2025', () => {
  it('parses with exchangeFileSchema with zero issues', () => {
    const result = exchangeFileSchema.safeParse(loadRaw())
    expect(result.success ? [] : result.error.issues).toEqual([])
    expect(result.success).toBe(true)
  })

  it('has the exchange header and exactly the twelve expected measure ids', () => {
    const file = load()
    expect(file.format).toBe('measure-tracker')
    expect(file.version).toBe(1)
    expect(file.name).toBe('US–China truce, November 2025')
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

  it('cites at least one of the measure’s own sources on every event and every alternative', () => {
    for (const m of load().measures) {
      const own = new Set(m.sources.map((s) => s.id))
      for (const e of m.events) {
        expect(e.sourceIds.length, `${m.id}/${e.id}`).toBeGreaterThanOrEqual(1)
        for (const id of e.sourceIds) expect(own.has(id), `${m.id}/${e.id} cites ${id}`).toBe(true)
        for (const alt of e.alternatives) {
          expect(alt.sourceIds.length, `${m.id}/${e.id} alternative`).toBeGreaterThanOrEqual(1)
          for (const id of alt.sourceIds) expect(own.has(id), `${m.id}/${e.id} alternative cites ${id}`).toBe(true)
        }
      }
    }
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
      m.events.filter((e) => e.until !== null && /^2026-11-10T(00:01|13:01)/.test(e.until)).map((e) => ({ where: `${m.id}/${e.id}`, ms: epochMs(e.until!) })),
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
      ['us-ieepa-reciprocal-tariff', 'cn-farm-tariffs-2025'],
      ['us-ieepa-fentanyl-tariff', 'cn-farm-tariffs-2025'],
    ]
    for (const [a, b] of pairs) {
      expect(measure(file, a).links, `${a} → ${b}`).toContainEqual({ targetId: b, relation: 'counter' })
      expect(measure(file, b).links, `${b} → ${a}`).toContainEqual({ targetId: a, relation: 'counter' })
    }
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
    expect(alternative?.sourceIds.length).toBeGreaterThanOrEqual(1)
  })

  it('records the 2026 IEEPA ruling, the Section 122 replacement and its scheduled 150-day end', () => {
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

  it('keeps stated uncertainties visible: China’s farm tariffs have no end, with the US date as an alternative', () => {
    const farm = measure(load(), 'cn-farm-tariffs-2025').events.find((e) => e.kind === 'suspended')
    expect(farm?.until).toBeNull()
    expect(farm?.alternatives).toContainEqual(expect.objectContaining({ field: 'until', value: '2026-12-31T00:00:00+08:00[Asia/Shanghai]' }))
  })

  it('invents nothing after the November 2026 end dates', () => {
    const limit = epochMs('2026-11-27T00:00:00+08:00[Asia/Shanghai]')
    for (const m of load().measures) {
      for (const e of m.events) expect(epochMs(e.at), `${m.id}/${e.id}`).toBeLessThanOrEqual(limit)
    }
  })
})
