// The report with partial suspensions, rate steps and commitments (issue 10): the status table
// says what is in effect, counts keep one status per measure, deadlines include steps and
// commitment deadlines, and needs-review names a commitment whose outcome is not recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { RATES_FILE } from '../../../test/fixtures/rates-and-commitments.ts'
import { measureIndex, type ReportModel } from './model-types.ts'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => Date.parse('2026-06-02T00:00:00Z') })
  const imported = temp.store.core.call('exchange.import', { file: RATES_FILE })
  if (!imported.ok) throw new Error(imported.error.message)
})
afterEach(() => temp.cleanup())

function report(options: Partial<ReportOptions>): ReportModel {
  return loadReport(temp.store.core.context, reportOptionsSchema.parse(options))
}

describe('report with partial suspensions, rate steps and commitments', () => {
  it('shows a partly suspended measure with what is in effect, and counts it under its own status', () => {
    const model = report({ at: '2026-06-01T12:00:00+00:00[UTC]' })
    const tariff = measureIndex(model).get('fx-tariff')
    expect(tariff).toMatchObject({
      status: 'partly_suspended',
      statusLabel: 'Partly suspended',
      rate: '10% in effect (34%, 24 points suspended)',
      fullRate: '34%',
      rateInEffect: '10%',
    })
    expect(model.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['pending', 0],
      ['in_force', 2],
      ['partly_suspended', 1],
      ['suspended', 0],
      ['terminated', 0],
    ])
    const zh = measureIndex(report({ at: '2026-06-01T12:00:00+00:00[UTC]', lang: 'zh-Hant' })).get('fx-tariff')
    expect(zh).toMatchObject({ statusLabel: '部分暫停', rate: '現行10%（全額34%，暫停24個百分點）' })
    for (const format of ['html', 'md'] as const) {
      const built = temp.store.core.call('report.build', { options: { at: '2026-06-01T12:00:00+00:00[UTC]', lang: 'zh-Hans' }, format })
      if (!built.ok) throw new Error(built.error.message)
      expect(built.value.content).toContain('部分暂停')
      expect(built.value.content).toContain('现行10%（全额34%，暂停24个百分点）')
    }
  })

  it('lists a rate step with its new rate and a commitment deadline among the deadlines', () => {
    const model = report({ at: '2026-12-01T00:00:00+00:00[UTC]', days: 200 })
    expect(model.deadlines.map((d) => [d.measureId, d.kind, d.label])).toEqual([
      ['fx-soybeans', 'commitment_deadline', 'Commitment deadline'],
      ['fx-fee', 'rate_step', 'Rate step — new rate USD 80 per net ton'],
    ])
    expect(measureIndex(model).get('fx-soybeans')?.commitment).toEqual({
      outcome: 'pending',
      outcomeLabel: 'Pending',
      text: expect.stringMatching(/^12\.5 of 25 million tonnes \(as of May 31, 2026\) — Pending$/),
    })
  })

  it('puts a commitment past its deadline without a settling figure on the needs-review list, and the CSV rate cell says so', () => {
    const options = { at: '2027-01-02T00:00:00+00:00[UTC]' }
    const model = report(options)
    expect(model.needsReview.map((r) => [r.measureId, r.reason.kind, r.reason.reason])).toEqual([
      ['fx-tariff', 'suspension_end', 'Suspension ended — outcome not recorded'],
      ['fx-soybeans', 'commitment_deadline', 'Commitment deadline passed, outcome not recorded'],
    ])
    const csv = temp.store.core.call('report.build', { options, format: 'csv' })
    if (!csv.ok) throw new Error(csv.error.message)
    const rows = Papa.parse<string[]>(csv.value.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    const rateColumn = (rows[0] as string[]).indexOf('Rate')
    expect(rows.find((r) => r[1] === 'fx-soybeans')?.[rateColumn]).toMatch(/12\.5 of 25 million tonnes .* — Outcome not recorded/)
  })
})
