// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import BoardView from './BoardView.vue'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { summary } from '../test/fixtures.ts'
import { pageHandlers } from '../test/page-fake.ts'
import { fail } from '../../../shared/result.ts'
import { useBoardStore } from '../stores/board.ts'

const rows = [
  summary('us-affiliates', {
    title: { en: 'Affiliates rule', 'zh-Hant': '關聯企業規則' },
    status: 'suspended',
    next: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' },
    counter: ['cn-rare-earths'],
  }),
  summary('cn-rare-earths', {
    imposer: 'CN',
    target: 'US',
    category: 'export_control',
    title: { en: 'Rare-earth controls' },
    status: 'suspended',
    counter: ['us-affiliates'],
  }),
  summary('us-ports', {
    title: { en: 'Port fees' },
    tags: ['ships'],
    reviewReason: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' },
  }),
]

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 })
  // The board remembers its last view per window (sessionStorage) and saved views (localStorage).
  sessionStorage.clear()
  localStorage.clear()
})
afterEach(() => delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight)

async function board(locale: 'en' | 'zh-Hant' = 'en') {
  const service = fakeService(pageHandlers(() => rows))
  const hs = harness({ service, locale })
  const wrapper = mountIn(hs, BoardView)
  await settle()
  return { wrapper, service, router: hs.router }
}

const titles = (wrapper: Awaited<ReturnType<typeof board>>['wrapper']) => wrapper.findAll('[role="row"] a').map((a) => a.text())

describe('board', () => {
  it('says before the list what needs review, then lists every measure by deadline, the lapsed one first', async () => {
    const { wrapper, service } = await board()
    expect(service.calls[0]).toEqual({
      method: 'measures.page',
      input: {
        at: undefined,
        filter: {},
        sort: 'next',
        group: 'none',
        locale: 'en',
        includeNotYetPublic: false,
        offset: 0,
        limit: 100,
        counts: false,
      },
    })
    // The counts alone, once the rows are shown.
    expect(service.calls[1]).toMatchObject({ method: 'measures.page', input: { filter: {}, offset: 0, limit: 0, counts: true } })
    expect(wrapper.get('.review-summary').text()).toContain('1 measure needs review')
    expect(wrapper.get('.review-summary').text()).toContain('1 suspension ended on Nov 10, 2026 with no outcome recorded')
    expect(titles(wrapper)).toEqual(['Port fees', 'Affiliates rule', 'Rare-earth controls'])
    expect(wrapper.get('.count').text()).toBe('3 measures')
  })

  it('counts shown measures against the total, the noun agreeing with the total', async () => {
    const hs = harness({ service: fakeService(pageHandlers(() => rows.slice(2))) })
    const wrapper = mountIn(hs, BoardView)
    await settle()
    expect(wrapper.get('.count').text()).toBe('1 measure')
    await wrapper
      .get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === 'Search')!
          .attributes('for')}`,
      )
      .setValue('port')
    await settle()
    expect(wrapper.get('.count').text()).toBe('Showing 1 of 1 measure')
  })

  it('asks for the counts with new data, not with each keystroke; the filter choices after the rows', async () => {
    const { wrapper, service } = await board()
    expect(service.calls.map((call) => call.method)).toEqual(['measures.page', 'measures.page', 'measures.facets'])
    const pages = () => service.calls.filter((call) => call.method === 'measures.page').map((call) => call.input as { counts: boolean })
    const search = wrapper.get(
      `#${wrapper
        .findAll('label')
        .find((l) => l.text() === 'Search')!
        .attributes('for')}`,
    )
    await search.setValue('port')
    await settle()
    expect(pages().at(-1)!.counts).toBe(false)
    expect(titles(wrapper)).toEqual(['Port fees'])
    expect(wrapper.get('.count').text()).toBe('Showing 1 of 3 measures')
    expect(wrapper.get('.review-summary').text()).toContain('1 measure needs review')
    useBoardStore().refresh()
    await settle()
    expect(pages().at(-1)!.counts).toBe(true)
    expect(service.calls.at(-1)!.method).toBe('measures.facets')
    expect(wrapper.get('.count').text()).toBe('Showing 1 of 3 measures')
    useBoardStore().group = 'status'
    await settle()
    expect(pages().at(-1)).toMatchObject({ group: 'status', counts: true })
    expect(wrapper.get('.heading').text()).toBe('In force (1)')
  })

  it('shows the rows before their counts, and no empty notice while the counts are missing', async () => {
    const page = pageHandlers(() => rows)
    const service = fakeService({
      ...page,
      'measures.page': (input: unknown) =>
        (input as { limit: number }).limit === 0 ? fail('INTERNAL', 'counts unavailable') : page['measures.page'](input),
    })
    const wrapper = mountIn(harness({ service }), BoardView)
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees', 'Affiliates rule', 'Rare-earth controls'])
    expect(wrapper.get('.count').text()).not.toContain('0 measures')
    expect(wrapper.find('.empty').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toContain('counts unavailable')
  })

  it("marks the list busy while its rows are an earlier question's, and not once the answer is shown", async () => {
    const page = pageHandlers(() => rows)
    let release: (() => void) | null = null
    const service = fakeService({
      ...page,
      // A search's rows wait until released; everything else answers at once.
      'measures.page': async (input: unknown) => {
        if ((input as { filter?: { text?: string } }).filter?.text)
          await new Promise<void>((resolve) => {
            release = resolve
          })
        return page['measures.page'](input)
      },
    })
    const wrapper = mountIn(harness({ service }), BoardView)
    await settle()
    const list = () => wrapper.get('section.scroller')
    expect(list().attributes('aria-busy')).toBeUndefined()
    useBoardStore().filter.text = 'port'
    await settle()
    expect(list().attributes('aria-busy')).toBe('true')
    expect(titles(wrapper)).toEqual(['Port fees', 'Affiliates rule', 'Rare-earth controls'])
    release!()
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees'])
    expect(list().attributes('aria-busy')).toBeUndefined()
  })

  it('filters by search text and labelled filters, and says how many are shown', async () => {
    const { wrapper } = await board()
    const byLabel = (text: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === text)!
          .attributes('for')}`,
      )
    await byLabel('Search').setValue('port')
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees'])
    expect(wrapper.get('.count').text()).toBe('Showing 1 of 3 measures')
    await byLabel('Search').setValue('')
    await settle()
    await byLabel('Category').setValue('export_control')
    await settle()
    expect(titles(wrapper)).toEqual(['Rare-earth controls'])
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Clear filters')!
      .trigger('click')
    await settle()
    await byLabel('Tag').setValue('ships')
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees'])
    await byLabel('Imposed by').setValue('CN')
    await settle()
    expect(titles(wrapper)).toEqual([])
    await byLabel('Imposed by').setValue('')
    await settle()
    await byLabel('Targeting').setValue('CN')
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees'])
    await byLabel('Targeting').setValue('')
    await settle()
    await byLabel('Tag').setValue('')
    await settle()
    await byLabel('Status').setValue('suspended')
    await settle()
    expect(titles(wrapper)).toEqual(['Affiliates rule', 'Rare-earth controls'])
  })

  it('shows only the measures needing review on request', async () => {
    const { wrapper } = await board()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Show only these')!
      .trigger('click')
    await settle()
    expect(titles(wrapper)).toEqual(['Port fees'])
  })

  it('groups counter-measures side by side and by status', async () => {
    const { wrapper } = await board()
    const byLabel = (text: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === text)!
          .attributes('for')}`,
      )
    await byLabel('Group by').setValue('pairs')
    await settle()
    const rowsShown = wrapper.findAll('[role="row"][data-index]')
    expect(rowsShown[0]!.findAll('[role="cell"]').map((c) => c.text())).toEqual([
      'Imposed by United States',
      expect.stringContaining('Imposed by China'),
    ])
    // The reader's side (en-US) on the left, its counter-measure beside it.
    expect(rowsShown[1]!.findAll('[role="cell"]').map((c) => c.findAll('a').map((a) => a.text()))).toEqual([
      ['Affiliates rule'],
      ['Rare-earth controls'],
    ])
    await byLabel('Group by').setValue('status')
    await settle()
    expect(wrapper.findAll('.heading').map((h) => h.text())).toEqual(['In force (1)', 'Suspended (2)'])
  })

  it('jumps to the search box with "/"', async () => {
    const { wrapper } = await board()
    document.body.append(wrapper.element)
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }))
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('board-search'))
  })

  it('speaks the UI language', async () => {
    const { wrapper } = await board('zh-Hant')
    expect(titles(wrapper)[1]).toBe('關聯企業規則')
    expect(wrapper.get('.count').text()).toBe('3 項措施')
    expect(wrapper.findAll('[role="columnheader"]').map((h) => h.text())).toEqual(['雙方', '措施', '類別', '狀態', '下一期限', '剩餘時間'])
  })
})

describe('board views (issue 11)', () => {
  it('saves the current view under a name, keeps it across a reload, and opens it from ?view=', async () => {
    const first = await board()
    const byLabel = (wrapper: typeof first.wrapper, text: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === text)!
          .attributes('for')}`,
      )
    await byLabel(first.wrapper, 'Imposed by').setValue('CN')
    await first.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save view…')!
      .trigger('click')
    await byLabel(first.wrapper, 'View name').setValue('CN export controls')
    await first.wrapper.get('form.save-view').trigger('submit')
    await settle()
    expect(first.wrapper.text()).toContain('Filters: Imposed by: China (CN)')
    first.wrapper.unmount()

    // Another window (its own sessionStorage): all measures, and the saved view is there to open.
    sessionStorage.clear()
    const second = await board()
    expect(titles(second.wrapper)).toEqual(['Port fees', 'Affiliates rule', 'Rare-earth controls'])
    const saved = JSON.parse(localStorage.getItem('measure-tracker.board.views')!) as { id: string; name: string }[]
    expect(saved.map((v) => v.name)).toEqual(['CN export controls'])
    await second.router.push({ name: 'board', query: { view: saved[0]!.id } })
    await settle()
    expect(titles(second.wrapper)).toEqual(['Rare-earth controls'])
    expect(second.wrapper.text()).toContain('View: CN export controls')
  })
})
