// @vitest-environment happy-dom
// Printing the board (issue 13): the virtualized list has only the rows in view in the page; while
// the page prints (beforeprint … afterprint), a plain table of every item takes its place.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import BoardTable from './BoardTable.vue'
import { boardItems } from '../../logic/board-items.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { summary } from '../../test/fixtures.ts'

const NOW = Date.UTC(2026, 10, 9, 17, 0, 0)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 })
})
afterEach(() => {
  vi.useRealTimers()
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
})

const rows = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    summary(`m${String(i).padStart(4, '0')}`, {
      next: { kind: 'suspension_end', at: new Date(NOW + (i + 1) * 86_400_000).toISOString().replace('.000Z', '+00:00[UTC]') },
    }),
  )

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
    const first = table.findAll('tbody tr:not(.heading)')[0]!.findAll('td').map((cell) => cell.text())
    expect(first[4]).toMatch(/^Suspension ends: Nov 10, 2026/)
    expect(first[5]).toBe('1d 0h 0m')

    window.dispatchEvent(new Event('afterprint'))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('table.board-print').exists()).toBe(false)
    wrapper.unmount()
  })
})
