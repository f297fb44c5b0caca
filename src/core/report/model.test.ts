import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import { formatCountdown, formatInstant } from '../../shared/format.ts'
import { translator } from '../../shared/i18n/translate.ts'
import { epochMs } from '../../shared/time.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { measureIndex, type ReportModel } from './model-types.ts'

// 1 Nov 2026: the truce's one-year suspensions end 9–10 Nov; two measures already need review.
const AT = '2026-11-01T12:00:00-05:00[America/New_York]'
const NOW = Date.parse('2026-11-02T08:00:00Z')

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => NOW })
})
afterEach(() => temp.cleanup())

function report(options: Partial<ReportOptions> = {}): ReportModel {
  return loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: AT, ...options }))
}

function list(at: string, filter = {}) {
  const result = temp.store.core.call('measures.list', { at, filter })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('report model: header and counts', () => {
  it('carries the as-of instant with its zone, the generation time and the display zone', () => {
    const model = report()
    expect(model.asOf.at).toBe(AT)
    expect(model.asOf.atMs).toBe(epochMs(AT))
    expect(model.zone).toBe('America/New_York')
    expect(model.asOf.text).toBe(formatInstant(epochMs(AT), 'America/New_York', 'en'))
    expect(model.generatedAt.atMs).toBe(NOW)
    expect(model.generatedAt.at).toMatch(/\[America\/New_York\]$/)
    expect(model.title).toBe('Measure status report')
    expect(model.filterText).toBeNull()
  })

  it('shows times in --tz when given, and in UTC when there is no as-of instant', () => {
    expect(report({ tz: 'Asia/Shanghai' }).asOf.text).toBe(formatInstant(epochMs(AT), 'Asia/Shanghai', 'en'))
    const now = loadReport(temp.store.core.context, reportOptionsSchema.parse({}))
    expect(now.zone).toBe('UTC')
    expect(now.asOf.atMs).toBe(NOW)
    expect(now.asOf.at).toBe('2026-11-02T08:00:00+00:00[UTC]')
  })

  it('counts by status and by imposing party agree with the board at the same instant', () => {
    const model = report()
    const board = list(AT)
    expect(model.totals.measures).toBe(board.length)
    for (const { status, count } of model.byStatus) expect(count, status).toBe(board.filter((m) => m.status === status).length)
    expect(model.byParty.map((p) => p.party)).toEqual(['CN', 'US'])
    for (const party of model.byParty) {
      const own = board.filter((m) => m.imposer === party.party)
      expect(party.total).toBe(own.length)
      expect(party.needsReview).toBe(own.filter((m) => m.needsReview).length)
      for (const [status, count] of Object.entries(party.byStatus)) expect(count).toBe(own.filter((m) => m.status === status).length)
    }
    expect(model.byParty.find((p) => p.party === 'US')?.name).toBe('United States (US)')
  })
})

describe('report model: tables and counter-measures', () => {
  it('has one table per imposing party, rows soonest deadline first, every filtered measure once', () => {
    const model = report()
    const ids = model.parties.flatMap((p) => p.measureIds)
    expect(ids.sort()).toEqual(
      list(AT)
        .map((m) => m.id)
        .sort(),
    )
    const byId = measureIndex(model)
    for (const section of model.parties) {
      const next = section.measureIds.map((id) => byId.get(id)?.next?.atMs ?? Infinity)
      expect(next).toEqual([...next].sort((a, b) => a - b))
      for (const id of section.measureIds) expect(byId.get(id)?.imposer).toBe(section.party)
    }
  })

  it('pairs each measure with its counter-measures from counter links, read both ways, never related links', () => {
    const byId = measureIndex(report())
    expect(new Set(byId.get('us-ustr-301-ships')?.counterIds)).toEqual(
      new Set(['cn-mot-special-port-fees', 'cn-mofcom-hanwha-countermeasures']),
    )
    expect(byId.get('us-bis-affiliates-rule')?.counterIds).toEqual(['cn-mofcom-rare-earth-controls'])
    // The averted 1 Nov 2025 US measures (dataset v2) answered the rare-earth controls too.
    expect(new Set(byId.get('cn-mofcom-rare-earth-controls')?.counterIds)).toEqual(
      new Set(['us-bis-affiliates-rule', 'us-threatened-100pct-tariff-2025-11', 'us-threatened-software-export-controls-2025-11']),
    )
    // Dataset v2: the farm tariffs answered the fentanyl tariff only (data review §1.9).
    expect(byId.get('cn-farm-tariffs-2025')?.counterIds).toEqual(['us-ieepa-fentanyl-tariff'])
    // Section 122 is only 'related' to the IEEPA tariffs: no counter-measure.
    expect(byId.get('us-section-122-tariff')?.counterIds).toEqual([])
    // Dataset v2 adds China's other answers to the fentanyl tariff (Tariff Commission No. 1, the
    // March 2025 control-list, soybean-exporter and log measures).
    expect(new Set(byId.get('us-ieepa-fentanyl-tariff')?.counterIds)).toEqual(
      new Set([
        'cn-farm-tariffs-2025',
        'cn-gac-soybean-exporters-suspension',
        'cn-gac-us-log-import-ban',
        'cn-mofcom-export-control-list-2025-13',
        'cn-taxcomm-2025-1-tariffs',
      ]),
    )
  })

  it('pairs a one-way counter link on both sides', () => {
    const added = temp.store.core.call('links.add', {
      measureId: 'cn-mofcom-ga-ge-sb-ban',
      targetId: 'us-ustr-301-exclusions',
      relation: 'counter',
    })
    expect(added.ok).toBe(true)
    const byId = measureIndex(report())
    expect(byId.get('cn-mofcom-ga-ge-sb-ban')?.counterIds).toEqual(['us-ustr-301-exclusions'])
    expect(byId.get('us-ustr-301-exclusions')?.counterIds).toEqual(['cn-mofcom-ga-ge-sb-ban'])
  })

  it('with a filter, lists only matching measures but still shows their counter-measures beside them', () => {
    const model = report({ filter: { imposer: 'US' } })
    expect(model.parties.map((p) => p.party)).toEqual(['US'])
    expect(model.totals.measures).toBe(list(AT, { imposer: 'US' }).length)
    expect(model.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(model.totals.measures)
    const outside = model.measures.filter((m) => !m.inScope)
    expect(outside.length).toBeGreaterThan(0)
    expect(outside.every((m) => m.imposer === 'CN')).toBe(true)
    expect(model.measures.filter((m) => m.inScope).every((m) => m.imposer === 'US')).toBe(true)
    expect(model.deadlines.every((d) => d.imposer === 'US')).toBe(true)
    expect(model.filterText).toBe('Filters: imposed by United States (US)')
  })

  it('gives titles, statuses and labels in the report language', () => {
    const model = report({ lang: 'zh-Hant' })
    const byId = measureIndex(model)
    expect(byId.get('cn-mot-special-port-fees')?.title).toBe('對美船舶收取船舶特別港務費')
    expect(byId.get('cn-mot-special-port-fees')?.statusLabel).toBe('暫停中')
    expect(model.title).toBe('措施狀態報告')
    expect(model.byParty.find((p) => p.party === 'US')?.name).toBe('美國 (US)')
    expect(measureIndex(report({ lang: 'zh-Hans' })).get('cn-mot-special-port-fees')?.title).toBe('对美船舶收取船舶特别港务费')
  })
})

describe('report model: footnotes', () => {
  it('numbers sources 1…n in the order the tables first cite them, each URL once', () => {
    const model = report()
    expect(model.footnotes.map((f) => f.number)).toEqual(model.footnotes.map((_, i) => i + 1))
    expect(new Set(model.footnotes.map((f) => f.url)).size).toBe(model.footnotes.length)
    // Reading the tables (each measure, then its counter-measures), new numbers appear in sequence.
    const byId = measureIndex(model)
    let highest = 0
    const seen = new Set<number>()
    for (const section of model.parties) {
      for (const id of section.measureIds) {
        for (const m of [byId.get(id), ...(byId.get(id)?.counterIds ?? []).map((c) => byId.get(c))]) {
          const fresh = (m?.footnotes ?? []).filter((n) => !seen.has(n))
          expect(fresh).toEqual(fresh.map((_, i) => highest + i + 1))
          highest += fresh.length
          fresh.forEach((n) => seen.add(n))
        }
      }
    }
    expect(highest).toBe(model.footnotes.length)
  })

  it('cites every source of a measure, and lists a source shared by several measures once', () => {
    const model = report()
    const exported = temp.store.core.call('exchange.export', {})
    if (!exported.ok) throw new Error(exported.error.message)
    const byUrl = new Map(model.footnotes.map((f) => [f.url, f]))
    for (const m of model.measures) {
      const stored = exported.value.measures.find((s) => s.id === m.id)
      const urls = new Set((stored?.sources ?? []).map((s) => s.url))
      expect(new Set(m.footnotes.map((n) => model.footnotes[n - 1]?.url))).toEqual(urls)
      for (const url of urls) expect(byUrl.get(url)?.measureIds).toContain(m.id)
    }
    expect(model.footnotes.some((f) => f.measureIds.length > 1)).toBe(true)
    const totalCitations = exported.value.measures.reduce((sum, m) => sum + (m.sources ?? []).length, 0)
    expect(model.footnotes.length).toBeLessThan(totalCitations)
  })
})

describe('report model: deadlines and needs review', () => {
  it('lists transitions after the as-of instant and within the next N days, soonest first, with countdowns', () => {
    const model = report({ days: 30 })
    const t = translator('en')
    const asOf = epochMs(AT)
    expect(model.deadlines.length).toBeGreaterThan(0)
    expect(model.totals.deadlines).toBe(model.deadlines.length)
    for (const d of model.deadlines) {
      expect(d.atMs).toBeGreaterThan(asOf)
      expect(d.atMs).toBeLessThanOrEqual(asOf + 30 * 86_400_000 + 3_600_000)
      expect(d.countdown).toBe(t('report.countdownIn', { value: formatCountdown(asOf, d.atMs, t, true) }))
    }
    expect(model.deadlines.map((d) => d.atMs)).toEqual(model.deadlines.map((d) => d.atMs).sort((a, b) => a - b))
    expect(model.deadlines.map((d) => d.measureId)).toContain('us-bis-affiliates-rule')
    expect(report({ days: 5 }).deadlines).toEqual([])
  })

  it('includes a deadline exactly N calendar days ahead and not one minute later', () => {
    // BIS suspension ends 2026-11-10T00:01 New York time; 30 days before on the New York calendar (EDT).
    const exact = report({ at: '2026-10-11T00:01:00-04:00[America/New_York]', days: 30 })
    expect(exact.deadlines.map((d) => d.measureId)).toContain('us-bis-affiliates-rule')
    const early = report({ at: '2026-10-11T00:00:00-04:00[America/New_York]', days: 30 })
    expect(early.deadlines.map((d) => d.measureId)).not.toContain('us-bis-affiliates-rule')
  })

  it('shows the legal-zone time of a deadline when it differs from the report zone', () => {
    const beijing = report().deadlines.find((d) => d.measureId === 'cn-mot-special-port-fees')
    expect(beijing?.legalText).toMatch(/GMT\+8|CST/)
    expect(report().deadlines.find((d) => d.measureId === 'us-bis-affiliates-rule')?.legalText).toBeNull()
  })

  it('lists every measure that needs review with its reason, oldest first', () => {
    const at = '2026-11-26T00:00:00+00:00[UTC]'
    const model = report({ at })
    const board = list(at).filter((m) => m.needsReview)
    expect(model.needsReview.map((r) => r.measureId).sort()).toEqual(board.map((m) => m.id).sort())
    expect(model.totals.needsReview).toBe(board.length)
    const affiliates = model.needsReview.find((r) => r.measureId === 'us-bis-affiliates-rule')
    expect(affiliates?.reason).toMatchObject({ kind: 'suspension_end', reason: 'Suspension ended — outcome not recorded' })
    expect(affiliates?.reason.countdown).toMatch(/ago$/)
    const times = model.needsReview.map((r) => r.reason.atMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})

describe('report model: notes', () => {
  it('leaves notes out unless asked, and then includes only pinned notes of the listed measures', () => {
    for (const [body, pinned] of [
      ['Pinned: confirm with counsel', true],
      ['Not pinned', false],
    ] as const) {
      expect(temp.store.core.call('notes.add', { measureId: 'us-bis-affiliates-rule', body, pinned }).ok).toBe(true)
    }
    expect(report().notes).toBeNull()
    const notes = report({ includeNotes: true }).notes
    expect(notes).toHaveLength(1)
    expect(notes?.[0]).toMatchObject({ measureId: 'us-bis-affiliates-rule', notes: [{ body: 'Pinned: confirm with counsel' }] })
    expect(notes?.[0]?.notes[0]?.updatedText).toBe(formatInstant(NOW, 'America/New_York', 'en'))
    expect(report({ includeNotes: true, filter: { imposer: 'CN' } }).notes).toEqual([])
  })
})

describe('report.build', () => {
  it('returns each format with a filename and type, JSON being the model itself', () => {
    const expected = { html: 'text/html', md: 'text/markdown', csv: 'text/csv', json: 'application/json' }
    for (const [format, mime] of Object.entries(expected)) {
      const result = temp.store.core.call('report.build', { options: { at: AT }, format })
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value.filename).toBe(`measure-report-2026-11-01.${format}`)
      expect(result.value.mimeType.startsWith(mime)).toBe(true)
      if (format === 'json') expect(JSON.parse(result.value.content)).toEqual(JSON.parse(JSON.stringify(report())))
    }
  })

  it('defaults to HTML of now, A4 landscape, 30 days, without notes', () => {
    const result = temp.store.core.call('report.build', {})
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.content.startsWith('<!DOCTYPE html>')).toBe(true)
    const json = temp.store.core.call('report.build', { format: 'json' })
    if (!json.ok) throw new Error(json.error.message)
    expect(JSON.parse(json.value.content).options).toEqual({
      days: 30,
      includeNotes: false,
      paper: 'A4',
      orientation: 'landscape',
      filter: {},
    })
  })

  it('refuses bad options with VALIDATION', () => {
    for (const options of [
      { paper: 'A5' },
      { orientation: 'sideways' },
      { days: 0 },
      { days: 1.5 },
      { tz: 'Mars/Olympus' },
      { lang: 'fr' },
      { at: '2026-11-01' },
      { bogus: 1 },
    ]) {
      const result = temp.store.core.call('report.build', { options })
      expect(result.ok, JSON.stringify(options)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('VALIDATION')
    }
    expect(temp.store.core.call('report.build', { format: 'pdf' }).ok).toBe(false)
  })
})
