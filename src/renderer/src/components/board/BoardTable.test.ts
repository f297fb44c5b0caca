// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import BoardTable from './BoardTable.vue'
import { ROW_HEIGHT, boardItems } from '../../logic/board-items.ts'
import { useClockStore } from '../../stores/clock.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { summary } from '../../test/fixtures.ts'

const NOW = Date.UTC(2026, 10, 9, 17, 0, 0)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  // happy-dom does no layout: give the scroll container a viewport's height.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 })
})
afterEach(() => {
  vi.useRealTimers()
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
})

function rows(count: number) {
  // Deadline of row i: i hours and 5 seconds after NOW.
  return Array.from({ length: count }, (_, i) =>
    summary(`m${String(i).padStart(5, '0')}`, {
      next: { kind: 'suspension_end', at: new Date(NOW + i * 3_600_000 + 5000).toISOString().replace('.000Z', '+00:00[UTC]') },
    }),
  )
}

describe('board table', () => {
  it('renders only the rows in view of 10,000, named by their titles, with the full count for assistive technology', async () => {
    const h = harness()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(10_000), 'none') } })
    await vi.dynamicImportSettled?.()
    const table = wrapper.get('[role="table"]')
    expect(table.attributes('aria-rowcount')).toBe('10001')
    const links = wrapper.findAll('a')
    expect(links.length).toBeGreaterThan(5)
    expect(links.length).toBeLessThan(40)
    expect(links[0]!.text()).toBe('Title m00000')
    expect(wrapper.get('section').attributes('aria-label')).toBe('Measures')
  })

  it('ticks every visible countdown from one shared clock, with a single timer', async () => {
    const h = harness()
    const clock = useClockStore()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(10_000), 'none') } })
    clock.start()
    await wrapper.vm.$nextTick()
    const countdowns = () => wrapper.findAll('.countdown .numeric').map((el) => el.text())
    const before = countdowns()
    expect(before[0]).toBe('0h 0m 5s')
    expect(before[1]).toBe('1h 0m 5s')
    expect(vi.getTimerCount()).toBe(1)

    vi.advanceTimersByTime(1000)
    await wrapper.vm.$nextTick()
    const after = countdowns()
    expect(after[0]).toBe('0h 0m 4s')
    expect(after[1]).toBe('1h 0m 4s')
    expect(after).toHaveLength(before.length)
    expect(vi.getTimerCount()).toBe(1)
    clock.stop()
  })

  it('holds countdowns still at an as-of instant', async () => {
    const h = harness()
    const clock = useClockStore()
    clock.setAsOf('2026-11-09T17:00:00+00:00[UTC]')
    clock.start()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(3), 'none') } })
    await wrapper.vm.$nextTick()
    vi.advanceTimersByTime(5000)
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('.countdown .numeric').map((el) => el.text())).toEqual(['0h 0m 5s', '1h 0m 5s', '2h 0m 5s'])
    clock.stop()
  })

  it('shows the rows a scroll brings into view, asks for their range, and moves to the next row with Arrow Down', async () => {
    const h = harness()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(10_000), 'none') } })
    await wrapper.vm.$nextTick()
    const scroller = wrapper.get('section').element as HTMLElement
    scroller.scrollTop = 5_000 * ROW_HEIGHT
    scroller.dispatchEvent(new Event('scroll'))
    await wrapper.vm.$nextTick()
    const links = () => wrapper.findAll('a').map((a) => a.text())
    expect(links()).toContain('Title m05000')
    expect(links()).not.toContain('Title m00000')
    const ranges = wrapper.emitted('range')!.map(([first, last]) => [first, last])
    expect(ranges[0]).toEqual([0, expect.any(Number)])
    expect(ranges.at(-1)![0]).toBe(4_998)

    const lastShown = wrapper.findAll('[role="row"][data-index]').at(-1)!
    const next = Number(lastShown.attributes('data-index')) + 1
    await lastShown.get('a').trigger('keydown', { key: 'ArrowDown' })
    await vi.runAllTimersAsync()
    await wrapper.vm.$nextTick()
    expect(links()).toContain(`Title m${String(next).padStart(5, '0')}`)
    expect(scroller.scrollTop).toBeGreaterThan(5_000 * ROW_HEIGHT)
  })

  it('marks deadlines within 7 and 30 days in words, not colour alone', async () => {
    const h = harness()
    const at = (days: number) => new Date(NOW + days * 86_400_000).toISOString().replace('.000Z', '+00:00[UTC]')
    const items = boardItems(
      [
        summary('a', { next: { kind: 'effective', at: at(3) } }),
        summary('b', { next: { kind: 'effective', at: at(20) } }),
        summary('c', { next: { kind: 'effective', at: at(60) } }),
      ],
      'none',
    )
    const wrapper = mountIn(h, BoardTable, { props: { items } })
    await wrapper.vm.$nextTick()
    const labels = wrapper
      .findAll('[role="row"][data-index]')
      .map((row) => (row.find('.urgency-label').exists() ? row.get('.urgency-label').text().replace(/^\W+/, '') : ''))
    expect(labels).toEqual(['Within 7 days', 'Within 30 days', ''])
  })

  it("shows the deadline in the reader's zone with the legal-zone reading described for hover and focus", async () => {
    const h = harness()
    const items = boardItems(
      [summary('a', { next: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' } })],
      'none',
    )
    const wrapper = mountIn(h, BoardTable, { props: { items } })
    await wrapper.vm.$nextTick()
    const time = wrapper.get('time')
    expect(time.attributes('tabindex')).toBe('0')
    const tip = wrapper.get(`#${time.attributes('aria-describedby')}`)
    expect(tip.attributes('role')).toBe('tooltip')
    expect(tip.text()).toBe('Legal time: Nov 10, 2026, 00:01 EST (America/New_York)')
    // …and the legal time is on the row itself, not only in the tooltip (issue 11).
    expect(wrapper.get('.legal-time').text()).toMatch(/^Legal: (00:01 EST|Nov 10, 00:01 EST), America\/New_York$/)
  })

  it('shows a lapsed deadline with its date in the legal zone, how long ago, and that no outcome is recorded', async () => {
    const h = harness()
    // Midnight in Beijing on 10 Nov is still 9 Nov in New York or UTC: the date shown is the notice's.
    const reviewReason = { kind: 'suspension_end' as const, at: '2026-11-10T00:00:00+08:00[Asia/Shanghai]' }
    const items = boardItems(
      [summary('a', { reviewReason, next: { kind: 'effective', at: '2027-11-10T00:01:00-05:00[America/New_York]' } })],
      'none',
    )
    const wrapper = mountIn(h, BoardTable, { props: { items } })
    await wrapper.vm.$nextTick()
    const cells = wrapper.findAll('[role="row"][data-index] [role="cell"]')
    expect(cells[4]!.text()).toContain('Suspension ended Nov 10, 2026')
    expect(cells[4]!.text()).toContain('Legal: 00:00 GMT+8, Asia/Shanghai')
    // NOW is 9 Nov 17:00 UTC: 1 h after midnight in Beijing, counting up.
    expect(cells[5]!.text()).toContain('1h 0m 0s ago')
    expect(cells[5]!.text()).toContain('Outcome not recorded')
  })
})

// A status group of thousands (issue 14's scale run found "(2998)" beside "Showing 2,998"): its
// count is written as every other count on the board, with the language's digit grouping.
describe('a group heading', () => {
  it('groups the digits of its count on screen and on paper', async () => {
    const wrapper = mountIn(harness(), BoardTable, { props: { items: boardItems(rows(1_200), 'status') } })
    await wrapper.vm.$nextTick()
    expect(wrapper.get('.item-status-heading .heading').text()).toBe('In force (1,200)')
    window.dispatchEvent(new Event('beforeprint'))
    await wrapper.vm.$nextTick()
    expect(wrapper.get('table.board-print tbody tr.heading').text()).toBe('In force (1,200)')
    window.dispatchEvent(new Event('afterprint'))
  })
})

// Printing the board (issue 13): the virtualized list has only the rows in view in the page; while
// the page prints (beforeprint … afterprint), a plain table of every item takes its place.
describe('the board on paper', () => {
  it('prints every item between beforeprint and afterprint, and only the rows in view otherwise', async () => {
    const items = boardItems(rows(500), 'status')
    const wrapper = mountIn(harness(), BoardTable, { props: { items } })
    await wrapper.vm.$nextTick()
    expect(wrapper.find('table.board-print').exists()).toBe(false)
    expect(wrapper.findAll('a').length).toBeLessThan(40)

    window.dispatchEvent(new Event('beforeprint'))
    await wrapper.vm.$nextTick()
    const table = wrapper.get('table.board-print')
    const titles = table.findAll('tbody td strong').map((cell) => cell.text())
    expect(titles).toEqual(rows(500).map((row) => `Title ${row.id}`))
    // The group heading, and each row's deadline and countdown as of printing.
    expect(table.get('tbody tr.heading').text()).toBe('In force (500)')
    // Row 24's deadline is a day and 5 seconds away: counted to the minute, as on screen beyond a day.
    const dayAway = table
      .findAll('tbody tr:not(.heading)')[24]!
      .findAll('td')
      .map((cell) => cell.text())
    expect(dayAway[4]).toMatch(/^Suspension ends: Nov 10, 2026/)
    expect(dayAway[5]).toBe('1d 0h 0m')

    window.dispatchEvent(new Event('afterprint'))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('table.board-print').exists()).toBe(false)
    wrapper.unmount()
  })
})

// A new answer (a search, a filter, a reload) patches the rows in view in place (row-keys.ts):
// what they show must be what a fresh list shows, and focus must stay with the measure it was on.
describe('a new answer in the same rows', () => {
  const at = (days: number, zone = 'UTC') => new Date(NOW + days * 86_400_000).toISOString().replace('.000Z', `+00:00[${zone}]`)
  const varied = (prefix: string, shift: number) => [
    summary(`${prefix}1`, { next: { kind: 'effective', at: at(3 + shift) }, shortName: `${prefix} short`, instrument: 'Section 301' }),
    summary(`${prefix}2`, { reviewReason: { kind: 'suspension_end', at: at(-2 - shift) }, next: null, status: 'suspended' }),
    summary(`${prefix}3`, { next: null, hasDateConflict: shift > 0, imposer: 'CN', target: 'US', category: 'export_control' }),
    summary(`${prefix}4`, {
      next: { kind: 'suspension_end', at: at(40 + shift) },
      title: { en: `Another ${prefix}`, 'zh-Hans': '另一项' },
    }),
  ]
  // Tooltip ids differ between two mounts; everything else must be the same.
  const shown = (wrapper: { get: (selector: string) => { html: () => string } }) =>
    wrapper
      .get('[role="rowgroup"].body')
      .html()
      .replace(/ (id|aria-describedby)="[^"]*"/g, '')

  it('shows exactly what a list mounted with that answer shows', async () => {
    const h = harness()
    const patched = mountIn(h, BoardTable, { props: { items: boardItems(varied('a', 0), 'none') } })
    await patched.vm.$nextTick()
    const next = boardItems([...varied('b', 5)].reverse(), 'none')
    await patched.setProps({ items: next })
    await patched.vm.$nextTick()
    const fresh = mountIn(harness(), BoardTable, { props: { items: next } })
    await fresh.vm.$nextTick()
    expect(shown(patched)).toContain('Title b2')
    expect(shown(patched)).not.toContain('Title a')
    expect(shown(patched)).toBe(shown(fresh))
  })

  it('never leaves focus on a row link that now names another measure', async () => {
    const h = harness()
    const wrapper = mountIn(h, BoardTable, { props: { items: boardItems(rows(6), 'none') }, attachTo: document.body })
    await wrapper.vm.$nextTick()
    // The row link focused, if focus is still on one (a moved or removed element may lose focus).
    const focusedRowLink = () => (document.activeElement?.matches('[data-row-focus]') ? document.activeElement.textContent : null)
    ;(wrapper.findAll('a')[1]!.element as HTMLElement).focus()
    expect(focusedRowLink()).toBe('Title m00001')

    // The focused measure moves down: the element at its old place shows another measure now.
    const moved = rows(6)
    moved.splice(4, 0, moved.splice(1, 1)[0]!)
    await wrapper.setProps({ items: boardItems(moved, 'none') })
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('a').map((a) => a.text())[1]).toBe('Title m00002')
    expect([null, 'Title m00001']).toContain(focusedRowLink())

    ;(wrapper.findAll('a')[4]!.element as HTMLElement).focus()
    expect(focusedRowLink()).toBe('Title m00001')
    // It leaves the answer.
    await wrapper.setProps({
      items: boardItems(
        rows(6).filter((row) => row.id !== 'm00001'),
        'none',
      ),
    })
    await wrapper.vm.$nextTick()
    expect(focusedRowLink()).toBeNull()
    wrapper.unmount()
  })
})
