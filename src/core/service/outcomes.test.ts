// events.recordOutcome through the real service and SQLite store (issue 11): each outcome kind
// resolves the lapsed deadline as the status engine reads it, stores its source, and a refused
// input leaves the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import { value, failure } from '../../../test/helpers/results.ts'

let temp: TempStore
const NOW = Date.parse('2026-12-04T10:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => NOW })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)

const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`
const START = NY('2025-11-10T00:01:00')
const DEADLINE = NY('2026-11-10T00:01:00')
const NEW_END = NY('2027-11-10T00:01:00')
const SOURCE = { url: 'https://www.federalregister.gov/d/2026-22222', title: 'Continuation of the suspension', confidence: 'official' }

function createLapsed(id = 'tariff') {
  value(call('measures.create', { id, facts: { title: { en: `Tariff ${id}` }, imposer: 'US', target: 'CN', category: 'tariff' } }))
  value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-04-09T00:01:00', '-04:00') } }))
  value(call('events.record', { measureId: id, event: { kind: 'suspended', at: START, until: DEADLINE } }))
  expect(value(call('measures.get', { id })).state).toMatchObject({
    status: 'in_force',
    needsReview: true,
    reviewReason: { kind: 'suspension_end', at: DEADLINE },
  })
}

const detail = (id = 'tariff') => value(call('measures.get', { id }))
/** Everything a refused call must leave alone: the measure as stored and the audit trail. */
function snapshot() {
  const { history, ...rest } = detail()
  return { rest, history: history.length, other: value(call('measures.list', {})).map((m) => [m.id, m.links]) }
}

describe('events.recordOutcome', () => {
  it('extended until a date, at the lapsed deadline: suspended since the original start, counting down to the new end, source stored', () => {
    createLapsed()
    const result = value(
      call('events.recordOutcome', {
        measureId: 'tariff',
        outcome: 'extended',
        at: DEADLINE,
        until: NEW_END,
        source: SOURCE,
        note: 'Extended by one year.',
      }),
    )
    expect(result.event).toMatchObject({ kind: 'extended', at: DEADLINE, until: NEW_END, note: 'Extended by one year.', scheduled: false })
    expect(result.source).toMatchObject({ ...SOURCE, publisher: '', date: null })
    expect(result.event.sourceIds).toEqual([result.source?.id])
    const after = detail()
    expect(after.state).toMatchObject({
      status: 'suspended',
      since: START,
      suspendedUntil: NEW_END,
      needsReview: false,
      next: { kind: 'suspension_end', at: NEW_END },
    })
    expect(after.sources).toEqual([result.source])
    expect(after.history[0]).toMatchObject({ action: 'events.recordOutcome', measureId: 'tariff' })
    const [row] = value(call('measures.list', {}))
    expect(row).toMatchObject({ needsReview: false, hasDateConflict: false, since: START })
  })

  it('extended for a duration counts from the deadline on its legal clock; a source already on the measure is cited, not copied', () => {
    createLapsed()
    const first = value(call('sources.add', { measureId: 'tariff', source: { ...SOURCE, id: 'fr' } }))
    value(
      call('events.recordOutcome', {
        measureId: 'tariff',
        outcome: 'extended',
        at: DEADLINE,
        duration: 'P1Y',
        source: { url: SOURCE.url, confidence: 'secondary' },
      }),
    )
    const after = detail()
    expect(after.sources).toEqual([first])
    expect(after.events.at(-1)).toMatchObject({ kind: 'extended', until: NEW_END, sourceIds: ['fr'] })
  })

  it('reinstated: in force again from the deadline, review cleared', () => {
    createLapsed()
    value(call('events.recordOutcome', { measureId: 'tariff', outcome: 'reinstated', at: DEADLINE, sourceIds: [] }))
    expect(detail().state).toMatchObject({ status: 'in_force', since: DEADLINE, needsReview: false, next: null })
    expect(detail().events.at(-1)?.kind).toBe('resumed')
  })

  it('terminated: terminated at the deadline, with the citation as the source title', () => {
    createLapsed()
    value(
      call('events.recordOutcome', {
        measureId: 'tariff',
        outcome: 'terminated',
        at: DEADLINE,
        source: { url: 'https://example.gov/notice', confidence: 'unverified' },
      }),
    )
    expect(detail().state).toMatchObject({ status: 'terminated', since: DEADLINE, needsReview: false })
    expect(detail().sources[0]).toMatchObject({ title: 'example.gov', confidence: 'unverified' })
  })

  it('replaced: terminated, and linked both ways to the measure that replaced it with the chosen relation', () => {
    createLapsed()
    value(
      call('measures.create', {
        id: 'successor',
        facts: { title: { en: 'Successor tariff' }, imposer: 'US', target: 'CN', category: 'tariff' },
      }),
    )
    const result = value(
      call('events.recordOutcome', {
        measureId: 'tariff',
        outcome: 'replaced',
        at: DEADLINE,
        replacementId: 'successor',
        relation: 'related',
        source: SOURCE,
      }),
    )
    expect(result.link).toEqual({ targetId: 'successor', relation: 'related' })
    expect(detail().state).toMatchObject({ status: 'terminated', needsReview: false })
    expect(detail().links).toEqual([{ targetId: 'successor', relation: 'related' }])
    expect(detail('successor').links).toEqual([{ targetId: 'tariff', relation: 'related' }])
  })

  it('confirmed: a review now clears the lapsed deadline and changes no status', () => {
    createLapsed()
    value(call('events.recordOutcome', { measureId: 'tariff', outcome: 'confirmed', at: NY('2026-12-04T05:00:00') }))
    expect(detail().state).toMatchObject({ status: 'in_force', since: DEADLINE, needsReview: false })
    expect(detail().events.at(-1)?.kind).toBe('review')
  })

  it.each([
    [
      'an end before the deadline',
      { outcome: 'extended', at: DEADLINE, until: NY('2026-01-01T00:00:00'), source: SOURCE },
      'VALIDATION',
      'until',
    ],
    ['an extension without an end', { outcome: 'extended', at: DEADLINE, source: SOURCE }, 'VALIDATION', 'until'],
    ['both an end and a duration', { outcome: 'extended', at: DEADLINE, until: NEW_END, duration: 'P1Y' }, 'VALIDATION', 'duration'],
    ['a malformed duration', { outcome: 'extended', at: DEADLINE, duration: 'one year', source: SOURCE }, 'VALIDATION', 'duration'],
    [
      'a replacement that does not exist',
      { outcome: 'replaced', at: DEADLINE, replacementId: 'missing', source: SOURCE },
      'VALIDATION',
      'replacementId',
    ],
    ['a replacement by itself', { outcome: 'replaced', at: DEADLINE, replacementId: 'tariff' }, 'VALIDATION', 'replacementId'],
    ['a replacement without a measure', { outcome: 'replaced', at: DEADLINE, source: SOURCE }, 'VALIDATION', 'replacementId'],
    ['an unknown source cited', { outcome: 'reinstated', at: DEADLINE, sourceIds: ['nope'], source: SOURCE }, 'VALIDATION', 'sourceIds'],
    [
      'a source that is not http(s)',
      { outcome: 'terminated', at: DEADLINE, source: { url: 'javascript:alert(1)', confidence: 'official' } },
      'VALIDATION',
      'source.url',
    ],
    ['an end on a reinstatement', { outcome: 'reinstated', at: DEADLINE, until: NEW_END }, 'VALIDATION', 'until'],
  ])('refuses %s and changes nothing', (_, input, code, path) => {
    createLapsed()
    const before = snapshot()
    expect(failure(call('events.recordOutcome', { measureId: 'tariff', ...input }))).toMatchObject({
      code,
      paths: expect.arrayContaining([path]),
    })
    expect(snapshot()).toEqual(before)
  })

  it('an extension makes a disagreement about the end it moved moot; one about another date still shows', async () => {
    value(call('measures.create', { id: 'tariff', facts: { title: { en: 'Tariff' }, imposer: 'US', target: 'CN', category: 'tariff' } }))
    value(call('sources.add', { measureId: 'tariff', source: { ...SOURCE, id: 'other' } }))
    const alternative = { field: 'until', value: NY('2026-11-10T00:00:00'), sourceIds: ['other'], note: 'through 9 Nov' }
    value(
      call('events.record', { measureId: 'tariff', event: { kind: 'suspended', at: START, until: DEADLINE, alternatives: [alternative] } }),
    )
    const conflict = () => value(call('measures.list', {}))[0]?.hasDateConflict
    expect(conflict()).toBe(true)
    value(call('events.recordOutcome', { measureId: 'tariff', outcome: 'extended', at: DEADLINE, until: NEW_END }))
    expect(conflict()).toBe(false)
    // Seen as of a day before the extension was dated, the disagreement still matters.
    expect(value(call('measures.list', { at: NY('2026-11-09T00:00:00') }))[0]?.hasDateConflict).toBe(true)
    // The alternative is kept, and a disagreement on another date shows as before.
    expect(detail().events.find((e) => e.kind === 'suspended')?.alternatives).toEqual([alternative])
    value(
      call('events.record', {
        measureId: 'tariff',
        event: {
          kind: 'announced',
          at: NY('2025-04-02T16:00:00', '-04:00'),
          alternatives: [{ field: 'at', value: NY('2025-04-03T00:00:00', '-04:00'), sourceIds: ['other'] }],
        },
      }),
    )
    expect(conflict()).toBe(true)
  })

  it('refuses an unknown or deleted measure', () => {
    expect(failure(call('events.recordOutcome', { measureId: 'ghost', outcome: 'confirmed', at: DEADLINE })).code).toBe('NOT_FOUND')
  })
})
