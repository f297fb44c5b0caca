import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditedActor, openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import { formatZoned, parseInstantInput } from '../../shared/time.ts'
import { value } from '../../../test/helpers/results.ts'

let temp: TempStore
const NOW = Date.parse('2026-11-26T12:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => NOW })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const facts = {
  title: { en: 'Port fees on Chinese ships', 'zh-Hant': '對中國船舶收取港口費' },
  imposer: 'US',
  target: 'CN',
  category: 'port_fee',
  tags: ['ships'],
}
// 12:01 a.m. eastern time on a date, with the offset that date really has (EDT or EST).
const NY = (date: string) => formatZoned(parseInstantInput(`${date}T00:01`, 'America/New_York'))
const exportAll = () => JSON.stringify(value(call('exchange.export', {})).measures)

describe('measures', () => {
  it('creates a measure with an id from its parties and title, and reads it back with its status', () => {
    const created = value(call('measures.create', { facts }))
    expect(created.id).toBe('us-port-fees-on-chinese-ships')
    expect(created.title['zh-Hant']).toBe('對中國船舶收取港口費')
    expect(created.state.status).toBe('pending')
    const again = value(call('measures.create', { facts }))
    expect(again.id).toBe('us-port-fees-on-chinese-ships-2')
  })

  it('refuses an invalid input with the place of each problem, and writes nothing', () => {
    const before = exportAll()
    const result = call('measures.create', { facts: { ...facts, imposer: 'XX', category: 'tax', title: { en: '' } } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    const paths = result.error.details?.issues?.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['facts.imposer', 'facts.category', 'facts.title.en']))
    expect(exportAll()).toBe(before)
  })

  it('rejects unknown methods and unknown fields', () => {
    expect(temp.store.core.call('measures.drop' as string, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(call('measures.delete', { id: 'x', sql: 'DROP TABLE measures' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('updates facts, keeps the rest, and records before/after in the audit trail', () => {
    const { id } = value(call('measures.create', { facts }))
    const updated = value(call('measures.update', { id, facts: { rate: '$50 per net ton', tags: ['ships', 'usTR'] } }))
    expect(updated.rate).toBe('$50 per net ton')
    expect(updated.title.en).toBe(facts.title.en)
    expect(updated.tags).toEqual(['ships', 'usTR'])
    const [last] = updated.history
    expect(last).toMatchObject({ action: 'measures.update', actor: auditedActor('test'), measureId: id })
    expect((last?.before as { rate: string | null }).rate).toBeNull()
    expect((last?.after as { rate: string }).rate).toBe('$50 per net ton')
  })

  it('deletes (hidden from the list) and restores with everything it had', () => {
    const { id } = value(call('measures.create', { facts }))
    value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-10-14') } }))
    value(call('measures.delete', { id }))
    expect(value(call('measures.list', {})).map((m) => m.id)).not.toContain(id)
    expect(call('measures.update', { id, facts: { rate: '1%' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const restored = value(call('measures.restore', { id }))
    expect(restored.events).toHaveLength(1)
    expect(value(call('measures.list', {})).map((m) => m.id)).toContain(id)
  })
})

describe('events', () => {
  it('turns "suspend for one year" into an explicit end on the legal wall clock', () => {
    const { id } = value(call('measures.create', { facts }))
    value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-10-14') } }))
    const event = value(call('events.record', { measureId: id, event: { kind: 'suspended', at: NY('2025-11-10'), duration: 'P1Y' } }))
    expect(event.until).toBe('2026-11-10T00:01:00-05:00[America/New_York]')
    const justBefore = value(call('measures.get', { id, at: '2026-11-10T05:00:59Z[UTC]' }))
    expect(justBefore.state).toMatchObject({ status: 'suspended', next: { kind: 'suspension_end', at: event.until } })
    const after = value(call('measures.get', { id, at: '2026-11-10T05:01:00Z[UTC]' }))
    expect(after.state).toMatchObject({ status: 'in_force', needsReview: true })
  })

  it('refuses an end before the start, an end on a kind that has none, and an unknown source', () => {
    const { id } = value(call('measures.create', { facts }))
    const before = exportAll()
    expect(
      call('events.record', { measureId: id, event: { kind: 'suspended', at: NY('2025-11-10'), until: NY('2025-11-09') } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(call('events.record', { measureId: id, event: { kind: 'terminated', at: NY('2025-11-10'), duration: 'P1Y' } })).toMatchObject({
      ok: false,
    })
    expect(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-11-10'), sourceIds: ['nope'] } })).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION' },
      },
    )
    expect(
      call('events.record', { measureId: id, event: { kind: 'effective', at: '2025-11-10T00:01:00+08:00[America/New_York]' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(exportAll()).toBe(before)
  })

  it('keeps both dates when sources disagree and lets the user pick which drives the status', () => {
    const { id } = value(call('measures.create', { facts }))
    value(call('sources.add', { measureId: id, source: { id: 'a', url: 'https://a.example/x', title: 'A', confidence: 'secondary' } }))
    value(call('sources.add', { measureId: id, source: { id: 'b', url: 'https://b.example/y', title: 'B', confidence: 'secondary' } }))
    const event = value(
      call('events.record', {
        measureId: id,
        event: {
          kind: 'suspended',
          at: NY('2025-11-10'),
          until: NY('2026-11-10'),
          sourceIds: ['a'],
          alternatives: [{ field: 'until', value: '2026-11-09T23:59:00-05:00[America/New_York]', sourceIds: ['b'] }],
        },
      }),
    )
    expect(value(call('measures.list', {})).find((m) => m.id === id)?.hasDateConflict).toBe(true)
    const chosen = value(call('events.chooseAlternative', { measureId: id, eventId: event.id, index: 0 }))
    expect(chosen.until).toBe('2026-11-09T23:59:00-05:00[America/New_York]')
    expect(chosen.alternatives[0]).toMatchObject({ field: 'until', value: NY('2026-11-10'), sourceIds: ['a'] })
    expect(chosen.sourceIds).toEqual(['b'])
  })
})

describe('sources and links', () => {
  it('refuses to remove a source an event cites', () => {
    const { id } = value(call('measures.create', { facts }))
    value(
      call('sources.add', { measureId: id, source: { id: 's1', url: 'https://example.org/a', title: 'Notice', confidence: 'official' } }),
    )
    value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-10-14'), sourceIds: ['s1'] } }))
    expect(call('sources.remove', { measureId: id, sourceId: 's1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      call('sources.add', { measureId: id, source: { url: 'javascript:alert(1)', title: 'x', confidence: 'official' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('links counter-measures both ways and unlinks both ways', () => {
    const us = value(call('measures.create', { facts })).id
    const cn = value(call('measures.create', { facts: { ...facts, imposer: 'CN', target: 'US', title: { en: 'Special port fees' } } })).id
    value(call('links.add', { measureId: us, targetId: cn }))
    const list = value(call('measures.list', {}))
    expect(list.find((m) => m.id === us)?.links).toEqual([{ targetId: cn, relation: 'counter' }])
    expect(list.find((m) => m.id === cn)?.links).toEqual([{ targetId: us, relation: 'counter' }])
    expect(call('links.add', { measureId: us, targetId: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    value(call('links.remove', { measureId: cn, targetId: us }))
    expect(value(call('measures.list', {})).every((m) => m.links.length === 0)).toBe(true)
  })
})

describe('list', () => {
  it('filters by party, category, status, tag and text, and sorts by next deadline', () => {
    const a = value(call('measures.create', { facts })).id
    const b = value(
      call('measures.create', {
        facts: {
          ...facts,
          imposer: 'CN',
          target: 'US',
          category: 'tariff',
          title: { en: 'Counter tariff', 'zh-Hans': '反制关税' },
          tags: ['tariffs'],
        },
      }),
    ).id
    value(call('events.record', { measureId: a, event: { kind: 'effective', at: NY('2027-01-01') } }))
    value(call('events.record', { measureId: b, event: { kind: 'effective', at: NY('2026-12-01') } }))
    const ids = (filter: object) => value(call('measures.list', { filter })).map((m) => m.id)
    expect(value(call('measures.list', {})).map((m) => m.id)).toEqual([b, a])
    expect(ids({ imposer: 'CN' })).toEqual([b])
    expect(ids({ party: 'US' })).toEqual([b, a])
    expect(ids({ category: 'port_fee' })).toEqual([a])
    expect(ids({ tag: 'tariffs' })).toEqual([b])
    expect(ids({ text: '反制' })).toEqual([b])
    expect(ids({ text: 'PORT FEES' })).toEqual([a])
    expect(ids({ status: 'pending' })).toEqual([b, a])
    expect(ids({ status: 'in_force' })).toEqual([])
  })
})

describe('partial updates', () => {
  it('changes only the facts given and keeps every other field', () => {
    const { id } = value(
      call('measures.create', {
        facts: { ...facts, shortName: 'Port fees', authority: 'USTR', instrument: '90 FR 17114', summary: 'S', scope: 'Ships' },
      }),
    )
    const updated = value(call('measures.update', { id, facts: { rate: '$50' } }))
    expect(updated).toMatchObject({
      rate: '$50',
      shortName: 'Port fees',
      authority: 'USTR',
      instrument: '90 FR 17114',
      summary: 'S',
      scope: 'Ships',
      tags: ['ships'],
    })
  })
})

describe('list after changes', () => {
  it('shows a change made after an earlier list, from this or another connection', async () => {
    const { id } = value(call('measures.create', { facts }))
    value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-10-14') } }))
    expect(value(call('measures.list', {}))[0]?.status).toBe('in_force')
    value(call('events.record', { measureId: id, event: { kind: 'suspended', at: NY('2026-01-05'), duration: 'P5Y' } }))
    expect(value(call('measures.list', {}))[0]?.status).toBe('suspended')
    const { openStore } = await import('../open.ts')
    const other = await openStore({ path: temp.path, actor: 'other', seed: false })
    other.core.call('events.record', { measureId: id, event: { kind: 'terminated', at: NY('2026-02-02') } })
    other.close()
    expect(value(call('measures.list', {}))[0]?.status).toBe('terminated')
  })
})
