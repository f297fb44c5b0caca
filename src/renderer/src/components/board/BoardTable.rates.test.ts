// @vitest-environment happy-dom
// Issue 10 on the board: a partly suspended measure reads "Partly suspended — 10% in effect (34%,
// 24 points suspended)" in every UI language, the Status filter and grouping know the status, and
// the rate words are not rewritten by the clock's tick.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import BoardTable from './BoardTable.vue'
import { boardItems } from '../../logic/board-items.ts'
import { emptyFilter, filterRows } from '../../logic/board-filter.ts'
import { useClockStore } from '../../stores/clock.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { PARTLY_SUSPENDED, summary } from '../../test/fixtures.ts'
import type { Locale } from '../../../../shared/domain.ts'

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 })
})
afterEach(() => {
  vi.useRealTimers()
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
})

const rows = () => [
  summary('reciprocal', {
    ...PARTLY_SUSPENDED,
    title: { en: 'Reciprocal tariff', 'zh-Hant': '對等關稅', 'zh-Hans': '对等关税' },
    next: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' },
  }),
  summary('ships', { status: 'suspended', title: { en: 'Port fees' } }),
  summary('chips', {
    status: 'in_force',
    title: { en: 'Chip tariff' },
    next: { kind: 'rate_step', at: '2027-06-23T00:00:00-04:00[America/New_York]' },
  }),
]

function statusCell(wrapper: ReturnType<typeof mountIn>, title: string): string {
  const row = wrapper.findAll('[role="row"]').find((r) => r.find('a').exists() && r.get('a').text() === title)
  if (!row) throw new Error(`no row ${title}`)
  return row.get('.cell.status').text().replace(/\s+/g, ' ').trim()
}

describe('board table: partial suspension and rate steps', () => {
  it.each([
    ['en', 'Reciprocal tariff', 'Partly suspended — 10% in effect (34%, 24 points suspended)'],
    ['zh-Hant', '對等關稅', '部分暫停 — 現行10%（全額34%，暫停24個百分點）'],
    ['zh-Hans', '对等关税', '部分暂停 — 现行10%（全额34%，暂停24个百分点）'],
  ] as const)('shows the status with the rate in effect (%s)', (locale, title, expected) => {
    const h = harness({ locale: locale as Locale })
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(), 'none') } })
    expect(statusCell(wrapper, title)).toBe(expected)
    // Told apart from "Suspended" by more than colour: a badge style of its own.
    expect(wrapper.find('.badge.status-partly_suspended').exists()).toBe(true)
  })

  it('adds rate words to a partly suspended measure only, and labels a rate step as the next deadline', () => {
    const h = harness()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(), 'none') } })
    expect(statusCell(wrapper, 'Reciprocal tariff')).toBe('Partly suspended — 10% in effect (34%, 24 points suspended)')
    expect(statusCell(wrapper, 'Port fees')).toBe('Suspended')
    const row = wrapper.findAll('[role="row"]').find((r) => r.find('a').exists() && r.get('a').text() === 'Chip tariff')!
    expect(row.get('.next-kind').text()).toBe('Rate step')
  })

  it('groups partly suspended measures under their own heading, and the Status filter picks them alone', () => {
    const h = harness()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(), 'status') } })
    const headings = wrapper.findAll('.heading').map((el) => el.text().replace(/\s+/g, ' '))
    expect(headings).toEqual(['In force (1)', 'Partly suspended (1)', 'Suspended (1)'])
    expect(statusCell(wrapper, 'Reciprocal tariff')).toBe('Partly suspended — 10% in effect (34%, 24 points suspended)')
    const filtered = filterRows(rows(), { ...emptyFilter(), status: 'partly_suspended' }, null)
    expect(filtered.map((row) => row.id)).toEqual(['reciprocal'])
  })

  it('puts the rate words last in a counter-measure pair, after the countdown, with the whole status as a tooltip', () => {
    const h = harness()
    const pair = [
      summary('us-side', {
        ...PARTLY_SUSPENDED,
        title: { en: 'US side' },
        counter: ['cn-side'],
        next: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' },
      }),
      summary('cn-side', { imposer: 'CN', target: 'US', title: { en: 'CN side' }, counter: ['us-side'] }),
    ]
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(pair, 'pairs', { home: 'US' }) } })
    const entry = wrapper.findAll('.entry').find((e) => e.get('a').text() === 'US side')!
    const meta = [...entry.get('.meta').element.children].map((child) => child.className)
    expect(meta.at(-1)).toContain('rate-note')
    const countdown = meta.findIndex((name) => name.includes('countdown'))
    expect(countdown).toBeGreaterThanOrEqual(0)
    expect(countdown).toBeLessThan(meta.length - 1)
    expect(entry.get('.rate-note').attributes('title')).toBe('Partly suspended — 10% in effect (34%, 24 points suspended)')
  })

  it('keeps the rate words out of the tick: a second later they are the same node', async () => {
    const h = harness()
    const clock = useClockStore()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(), 'none') } })
    clock.start()
    const note = wrapper.get('.rate-note').element
    const textNode = note.firstChild
    vi.advanceTimersByTime(3000)
    await wrapper.vm.$nextTick()
    expect(wrapper.get('.rate-note').element).toBe(note)
    expect(note.firstChild).toBe(textNode)
    clock.stop()
  })
})
