// Service: commitments with recorded progress, rate numbers and partial suspensions through the
// API (issue 10), and version-1 exchange files upgraded on import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import { value, failure } from '../../../test/helpers/results.ts'

let temp: TempStore
const NOW = Date.parse('2026-11-26T12:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => NOW })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)

const SH = (wall: string) => `${wall}+08:00[Asia/Shanghai]`
const DEADLINE = SH('2027-01-01T00:00:00')
const soybeans = {
  title: { en: 'Soybean purchases in 2026', 'zh-Hans': '2026年采购大豆' },
  imposer: 'CN',
  target: 'US',
  category: 'commitment',
  commitment: { target: 25, unit: { en: 'million tonnes', 'zh-Hans': '百万吨' }, deadline: DEADLINE },
}
const source = { id: 'usda', url: 'https://www.fas.usda.gov/', title: 'USDA export sales', confidence: 'official' }

function createCommitment() {
  value(call('measures.create', { id: 'soy', facts: soybeans }))
  value(call('sources.add', { measureId: 'soy', source }))
  value(call('events.record', { measureId: 'soy', event: { kind: 'effective', at: SH('2026-01-01T00:00:00') } }))
}

describe('progress.record and progress.remove', () => {
  it('records a figure with its source; the list reads pending, then met once a figure reaches the target', () => {
    createCommitment()
    const entry = value(
      call('progress.record', { measureId: 'soy', entry: { value: 12.1, asOf: SH('2026-06-30T00:00:00'), sourceIds: ['usda'] } }),
    )
    expect(entry).toMatchObject({ value: 12.1, asOf: SH('2026-06-30T00:00:00'), sourceIds: ['usda'], note: '' })
    expect(entry.id).toMatch(/^pr-/)
    const at = SH('2026-11-26T20:00:00')
    const [row] = value(call('measures.list', { at }))
    expect(row?.commitment).toMatchObject({ target: 25, progress: 12.1, progressAsOf: SH('2026-06-30T00:00:00'), outcome: 'pending' })
    expect(row?.next).toMatchObject({ kind: 'commitment_deadline', at: DEADLINE })
    value(
      call('progress.record', { measureId: 'soy', entry: { value: 25.4, asOf: SH('2026-11-20T00:00:00'), note: 'weekly export sales' } }),
    )
    expect(value(call('measures.get', { id: 'soy', at })).state.commitment?.outcome).toBe('met')
    const detail = value(call('measures.get', { id: 'soy', at }))
    expect(detail.progress.map((p) => p.value)).toEqual([12.1, 25.4])
    expect(detail.history[0]?.action).toBe('progress.record')
  })

  it('after the deadline with no settling figure the measure needs review, and a recorded final figure settles it as missed', () => {
    createCommitment()
    const after = SH('2027-01-02T00:00:00')
    expect(value(call('reminders.needsReview', { at: after })).map((m) => [m.id, m.reviewReason?.kind])).toEqual([
      ['soy', 'commitment_deadline'],
    ])
    const entry = value(call('progress.record', { measureId: 'soy', entry: { value: 19, asOf: DEADLINE, sourceIds: ['usda'] } }))
    expect(value(call('measures.get', { id: 'soy', at: after })).state).toMatchObject({
      needsReview: false,
      commitment: { outcome: 'missed' },
    })
    value(call('progress.remove', { measureId: 'soy', progressId: entry.id }))
    expect(value(call('measures.get', { id: 'soy', at: after })).state.commitment?.outcome).toBe('needs_review')
  })

  it('refuses progress for a measure without a commitment, citing an unknown source, or with a bad value, and writes nothing', () => {
    createCommitment()
    value(call('measures.create', { id: 'tariff', facts: { title: { en: 'T' }, imposer: 'US', target: 'CN', category: 'tariff' } }))
    expect(failure(call('progress.record', { measureId: 'tariff', entry: { value: 1, asOf: DEADLINE } }))).toEqual({
      code: 'VALIDATION',
      paths: ['measureId'],
    })
    expect(failure(call('progress.record', { measureId: 'soy', entry: { value: 1, asOf: DEADLINE, sourceIds: ['nope'] } }))).toEqual({
      code: 'VALIDATION',
      paths: ['entry.sourceIds'],
    })
    expect(failure(call('progress.record', { measureId: 'soy', entry: { value: -1, asOf: '2027-01-01' } })).paths).toEqual([
      'entry.value',
      'entry.asOf',
    ])
    expect(failure(call('progress.remove', { measureId: 'soy', progressId: 'pr-missing' })).code).toBe('NOT_FOUND')
    expect(value(call('measures.get', { id: 'soy' })).progress).toEqual([])
  })
})

describe('rates and partial suspensions through the API', () => {
  const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`

  it('records a partial suspension and a deferred rate step; list rows carry the rate in effect', () => {
    value(
      call('measures.create', {
        id: 'fee',
        facts: {
          title: { en: 'Fee' },
          imposer: 'US',
          target: 'CN',
          category: 'port_fee',
          rate: 'USD 50 / net ton',
          rateValue: { value: 50, unit: 'amount', currency: 'USD', per: 'net ton' },
        },
      }),
    )
    value(call('events.record', { measureId: 'fee', event: { kind: 'effective', at: NY('2025-10-14T00:01:00', '-04:00') } }))
    value(
      call('events.record', {
        measureId: 'fee',
        event: { kind: 'suspended', at: NY('2025-11-10T00:01:00'), duration: 'P1Y', part: { rate: 20 } },
      }),
    )
    const step = value(
      call('events.record', {
        measureId: 'fee',
        event: {
          kind: 'rate_step',
          at: NY('2026-04-17T00:01:00', '-04:00'),
          rate: 'USD 80 / net ton',
          rateValue: { value: 80, unit: 'amount', currency: 'USD', per: 'net ton' },
          whenSuspended: 'defer',
        },
      }),
    )
    expect(step).toMatchObject({ kind: 'rate_step', whenSuspended: 'defer', part: null })
    const [during] = value(call('measures.list', { at: NY('2026-06-01T00:00:00', '-04:00') }))
    expect(during).toMatchObject({
      status: 'partly_suspended',
      rate: 'USD 50 / net ton',
      rateInEffect: { value: 30 },
      suspendedPart: { rate: 20 },
    })
    const [after] = value(call('measures.list', { at: NY('2026-11-10T00:01:00') }))
    expect(after).toMatchObject({ status: 'in_force', rate: 'USD 80 / net ton', rateInEffect: { value: 80 } })
    expect(
      value(call('measures.list', { at: NY('2026-06-01T00:00:00', '-04:00'), filter: { status: 'partly_suspended' } })).map((m) => m.id),
    ).toEqual(['fee'])
    expect(value(call('measures.list', { at: NY('2026-06-01T00:00:00', '-04:00'), filter: { status: 'suspended' } }))).toEqual([])
  })

  it('refuses fields on the wrong kind of event, a step without a rate, and an amount without a currency', () => {
    value(call('measures.create', { id: 'm', facts: { title: { en: 'M' }, imposer: 'US', target: 'CN', category: 'tariff' } }))
    const at = NY('2026-01-01T00:00:00')
    expect(failure(call('events.record', { measureId: 'm', event: { kind: 'effective', at, part: { rate: 5 } } })).paths).toEqual([
      'event.part',
    ])
    expect(
      failure(call('events.record', { measureId: 'm', event: { kind: 'amended', at, rate: '5%', whenSuspended: 'skip' } })).paths,
    ).toEqual(['event.whenSuspended'])
    expect(failure(call('events.record', { measureId: 'm', event: { kind: 'rate_step', at } })).paths).toContain('event.rate')
    expect(failure(call('events.record', { measureId: 'm', event: { kind: 'suspended', at, part: {} } })).paths).toEqual(['event.part'])
    expect(failure(call('measures.update', { id: 'm', facts: { rateValue: { value: 5, unit: 'amount' } } })).paths).toEqual([
      'facts.rateValue.currency',
    ])
    expect(value(call('measures.get', { id: 'm' })).events).toEqual([])
  })
})

describe('exchange format version 2', () => {
  const v1 = {
    format: 'measure-tracker',
    version: 1,
    measures: [
      {
        id: 'old',
        title: { en: 'Old tariff' },
        imposer: 'US',
        target: 'CN',
        category: 'tariff',
        rate: '34%',
        events: [
          { id: 'e', kind: 'effective', at: '2025-04-09T00:01:00-04:00[America/New_York]', rate: '34%' },
          {
            id: 's',
            kind: 'suspended',
            at: '2025-05-14T00:01:00-04:00[America/New_York]',
            until: '2025-08-12T00:01:00-04:00[America/New_York]',
          },
        ],
        sources: [],
        links: [],
        notes: [],
        deletedAt: null,
      },
    ],
  }

  it('imports a version-1 file and exports it as version 2 with the same meaning (no number guessed)', () => {
    const at = '2025-06-01T00:00:00+00:00[UTC]'
    value(call('exchange.import', { file: v1 }))
    const before = value(call('measures.list', { at }))
    const exported = value(call('exchange.export', {}))
    expect(exported.version).toBe(3) // the current version (issue 13 added 3)
    const [measure] = exported.measures
    expect(measure).toMatchObject({ id: 'old', rate: '34%', rateValue: null, commitment: null, progress: [] })
    expect(measure?.events?.map((e) => [e.id, e.rateValue, e.part, e.whenSuspended])).toEqual([
      ['e', null, null, null],
      ['s', null, null, null],
    ])
    // Re-imported as version 2, the status at any instant is what the version-1 file said.
    value(call('exchange.import', { file: exported, replace: true }))
    expect(value(call('measures.list', { at }))).toEqual(before)
    expect(before[0]).toMatchObject({ status: 'suspended', rate: '34%', rateInEffect: null })
  })

  it('refuses an unknown version and progress on a measure without a commitment, naming the place', () => {
    expect(failure(call('exchange.import', { file: { ...v1, version: 4 } })).paths).toEqual(['version'])
    const bad = {
      ...v1,
      version: 2,
      measures: [
        {
          ...v1.measures[0],
          progress: [{ id: 'p', value: 1, asOf: '2026-01-01T00:00:00+00:00[UTC]', recordedAt: 'x', sourceIds: ['nope'] }],
        },
      ],
    }
    expect(failure(call('exchange.import', { file: bad })).paths).toEqual(['measures.0.progress', 'measures.0.progress.0.sourceIds'])
  })
})
