import { describe, expect, it } from 'vitest'
import { activeFilters, emptyFilter, facetsOf, filterRows, isNotYetPublic, sortRows } from './board-filter.ts'
import { boardItems } from './board-items.ts'
import { summary } from '../test/fixtures.ts'

const rows = [
  summary('us-tariff', {
    title: { en: 'Zeta tariff', 'zh-Hans': '甲关税' },
    tags: ['truce'],
    next: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' },
    status: 'suspended',
  }),
  summary('cn-export', {
    imposer: 'CN',
    target: 'US',
    category: 'export_control',
    title: { en: 'Alpha controls', 'zh-Hans': '乙管制' },
    next: { kind: 'suspension_end', at: '2026-11-10T13:01:00+08:00[Asia/Shanghai]' },
    status: 'suspended',
  }),
  summary('eu-probe', { imposer: 'EU', target: 'CN', category: 'investigation', title: { en: 'Middle probe' }, tags: ['steel'] }),
  summary('us-old', {
    status: 'terminated',
    title: { en: 'Beta old' },
    reviewReason: { kind: 'terminated', at: '2026-02-20T00:00:00-05:00[America/New_York]' },
  }),
]
const label = (category: string) =>
  ({ tariff: 'Tariff', export_control: 'Export control', investigation: 'Investigation' })[category] ?? category

describe('board filters', () => {
  it('filters by party on either side, category, status, tag and review', () => {
    const ids = (f: Partial<ReturnType<typeof emptyFilter>>) => filterRows(rows, { ...emptyFilter(), ...f }).map((r) => r.id)
    expect(ids({ party: 'CN' })).toEqual(['us-tariff', 'cn-export', 'eu-probe', 'us-old'])
    expect(ids({ party: 'EU' })).toEqual(['eu-probe'])
    expect(ids({ category: 'export_control' })).toEqual(['cn-export'])
    expect(ids({ status: 'suspended' })).toEqual(['us-tariff', 'cn-export'])
    expect(ids({ tag: 'steel' })).toEqual(['eu-probe'])
    expect(ids({ needsReview: true })).toEqual(['us-old'])
    expect(ids({ party: 'US', status: 'terminated' })).toEqual(['us-old'])
  })

  it('searches every language of the title, tags and party names, all words anywhere', () => {
    const search = (text: string) => filterRows(rows, { ...emptyFilter(), text }).map((r) => r.id)
    expect(search('zeta')).toEqual(['us-tariff'])
    expect(search('乙')).toEqual(['cn-export'])
    expect(search('STEEL probe')).toEqual(['eu-probe'])
    expect(search('european union')).toEqual(['eu-probe'])
    // Party names in every UI language, whatever the board's language.
    expect(search('欧盟')).toEqual(['eu-probe'])
    expect(search('nothing like this')).toEqual([])
  })

  it('sorts by deadline (lapsed without an outcome first, then soonest, unscheduled last), by title in the UI language, by category', () => {
    const ids = (sort: 'next' | 'title' | 'category', locale: 'en' | 'zh-Hans' = 'en') =>
      sortRows(rows.slice(), sort, locale, label).map((r) => r.id)
    // us-old's passed termination awaits review: it heads the list (issue 11). 00:01 New York and
    // 13:01 Shanghai on 10 Nov are the same instant: tie broken by id.
    expect(ids('next')).toEqual(['us-old', 'cn-export', 'us-tariff', 'eu-probe'])
    expect(ids('title')).toEqual(['cn-export', 'us-old', 'eu-probe', 'us-tariff'])
    expect(ids('category')).toEqual(['cn-export', 'eu-probe', 'us-old', 'us-tariff'])
  })

  it('lists the parties and tags present for the filter menus', () => {
    expect(facetsOf(rows)).toEqual({
      parties: ['US', 'CN', 'EU'],
      imposers: ['US', 'CN', 'EU'],
      targets: ['CN', 'US'],
      tags: ['steel', 'truce'],
    })
  })
})

describe('board grouping', () => {
  it('groups by status in the status order, with counts', () => {
    const items = boardItems(rows, 'status')
    expect(
      items.map((i) => (i.type === 'row' ? i.row.id : `${i.type}:${'status' in i ? i.status : ''}:${'count' in i ? i.count : ''}`)),
    ).toEqual([
      'status-heading:in_force:1',
      'eu-probe',
      'status-heading:suspended:2',
      'us-tariff',
      'cn-export',
      'status-heading:terminated:1',
      'us-old',
    ])
  })

  it('lists plain rows without grouping, and pairs then unpaired rows for counter-measures', () => {
    expect(boardItems(rows, 'none').map((i) => i.key)).toEqual(rows.map((r) => r.id))
    const paired = [summary('a', { counter: ['b'] }), summary('b', { imposer: 'CN', target: 'US' }), summary('c')]
    expect(boardItems(paired, 'pairs', { home: 'US' }).map((i) => i.type)).toEqual(['pairs-heading', 'pair', 'unpaired-heading', 'row'])
  })
})

describe('imposer, target and the active-filter summary (issue 11)', () => {
  it('filters by who imposed and whom it targets, separately', () => {
    const ids = (f: Partial<ReturnType<typeof emptyFilter>>) => filterRows(rows, { ...emptyFilter(), ...f }).map((r) => r.id)
    expect(ids({ imposer: 'CN' })).toEqual(['cn-export'])
    expect(ids({ target: 'CN' })).toEqual(['us-tariff', 'eu-probe', 'us-old'])
    expect(ids({ imposer: 'US', target: 'CN' })).toEqual(['us-tariff', 'us-old'])
    expect(ids({ imposer: 'CN', target: 'CN' })).toEqual([])
    expect(activeFilters({ ...emptyFilter(), imposer: 'CN', target: 'US', text: '  soy ', needsReview: true }).map((f) => f.key)).toEqual([
      'text',
      'imposer',
      'target',
      'needsReview',
    ])
    expect(activeFilters(emptyFilter())).toEqual([])
    // Not public yet: only as of another instant, and only with nothing happened by then.
    expect(isNotYetPublic({ since: null }, null)).toBe(false)
    expect(isNotYetPublic({ since: null }, '2025-01-01T00:00:00+00:00[UTC]')).toBe(true)
    expect(isNotYetPublic({ since: '2024-01-01T00:00:00+00:00[UTC]' }, '2025-01-01T00:00:00+00:00[UTC]')).toBe(false)
  })
})
