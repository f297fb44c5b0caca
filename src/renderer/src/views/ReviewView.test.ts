// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { DOMWrapper } from '@vue/test-utils'
import type { MeasureSummary } from '../../../shared/api-views.ts'
import ReviewSummary from '../components/board/ReviewSummary.vue'
import ToastHost from '../components/ToastHost.vue'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { setDate, shownTime } from '../test/date-time-fields.ts'
import { summary } from '../test/fixtures.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })
const ENDED = '2026-11-10T00:01:00-05:00[America/New_York]'
const EFFECTIVE = '2026-11-12T00:00:00+08:00[Asia/Shanghai]'

afterEach(() => vi.useRealTimers())

function button(root: Pick<DOMWrapper<Element>, 'findAll'>, name: string): DOMWrapper<HTMLButtonElement> {
  const found = root.findAll<HTMLButtonElement>('button').find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

async function open() {
  let rows: MeasureSummary[] = [
    summary('us-ships', { title: { en: 'Port fees' }, status: 'in_force', reviewReason: { kind: 'suspension_end', at: ENDED } }),
    summary('cn-rare', { title: { en: 'Rare earths' }, imposer: 'CN', target: 'US', reviewReason: { kind: 'effective', at: EFFECTIVE } }),
  ]
  const service = fakeService({
    'measures.page': (input) => {
      const { offset = 0, limit = 100 } = input as { offset?: number; limit?: number }
      return { atMs: 0, offset, rows: rows.slice(offset, offset + limit), total: rows.length, counts: null }
    },
    'events.record': (input) => {
      const { measureId, event } = input as { measureId: string; event: object }
      rows = rows.filter((r) => r.id !== measureId)
      return { ...event, id: 'new' }
    },
  })
  const hs = harness({ service })
  await hs.router.push('/review')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Needs review'), { timeout: 10_000 })
  await settle()
  const entries = () => wrapper.findAll('li.entry')
  const recorded = () => service.calls.filter((c) => c.method === 'events.record').map((c) => c.input)
  return { wrapper, service, hs, entries, recorded }
}

const plain = { scheduled: false, sourceIds: [], note: '' }

describe('Needs review', () => {
  it('asks a page at a time, says how many are shown of how many, and shows more on request', async () => {
    const rows = Array.from({ length: 62 }, (_, i) =>
      summary(`m-${String(i).padStart(2, '0')}`, { title: { en: `Measure ${i}` }, reviewReason: { kind: 'suspension_end', at: ENDED } }),
    )
    const service = fakeService({
      'measures.page': (input) => {
        const { offset = 0, limit = 100 } = input as { offset?: number; limit?: number }
        return { atMs: 0, offset, rows: rows.slice(offset, offset + limit), total: rows.length, counts: null }
      },
    })
    const hs = harness({ service })
    await hs.router.push('/review')
    const wrapper = mountIn(hs, Page, { attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.findAll('li.entry')).toHaveLength(50), { timeout: 10_000 })
    expect(service.calls.find((c) => c.method === 'measures.page')?.input).toMatchObject({
      filter: { needsReview: true },
      sort: 'review',
      offset: 0,
      limit: 50,
    })
    expect(wrapper.get('[role="status"]').text()).toBe('62 measures need review')
    expect(wrapper.text()).toContain('Showing 50 of 62')
    await button(wrapper.get('.more'), 'Show 12 more').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('li.entry')).toHaveLength(62), { timeout: 10_000 })
    await settle()
    expect(document.activeElement).toBe(wrapper.findAll('li.entry')[50]!.get('.entry-title').element)
    expect(wrapper.find('.more').exists()).toBe(false)
    expect(service.calls.some((c) => c.method === 'reminders.needsReview')).toBe(false)
    wrapper.unmount()
  })

  it('explains why each measure is listed and offers the outcomes that fit', async () => {
    const { wrapper, entries } = await open()
    expect(wrapper.get('[role="status"]').text()).toBe('2 measures need review')
    const [ships, rare] = entries()
    expect(ships!.get('h2').text()).toBe('Port fees')
    expect(ships!.get('h2 a').attributes('href')).toBe('/measure/us-ships')
    expect(ships!.text()).toContain('Suspension ended on Nov 10, 2026 — outcome not recorded')
    expect(ships!.get('[role="group"]').attributes('aria-label')).toBe('What happened')
    expect(ships!.findAll('[role="group"] button').map((b) => b.text())).toEqual([
      'Record extension',
      'Record reinstated',
      'Record terminated',
      'Confirm checked',
      'Record outcome…',
    ])
    expect(rare!.text()).toContain('Scheduled change (Takes effect) passed on Nov 12, 2026 — not confirmed')
    expect(rare!.findAll('[role="group"] button').map((b) => b.text())).toEqual(['Record terminated', 'Confirm checked', 'Record outcome…'])
    // The full outcome dialog (issue 11) is one button per entry, named with the measure.
    expect(ships!.get('button.record-outcome').attributes('aria-label')).toBe('Record outcome for Port fees')
  })

  it('records "reinstated" as resumed at the passed deadline, then drops the entry and moves focus on', async () => {
    const { wrapper, entries, recorded } = await open()
    await button(entries()[0]!, 'Record reinstated').trigger('click')
    await settle()
    expect(recorded()).toEqual([{ measureId: 'us-ships', event: { kind: 'resumed', at: ENDED, ...plain } }])
    await vi.waitFor(() => expect(entries()).toHaveLength(1), { timeout: 10_000 })
    expect(wrapper.text()).toContain('“Port fees”: Resumed recorded')
    expect(document.activeElement).toBe(entries()[0]!.get('h2').element)
  })

  it('records "terminated" at the deadline', async () => {
    const { entries, recorded } = await open()
    await button(entries()[1]!, 'Record terminated').trigger('click')
    await settle()
    expect(recorded()).toEqual([{ measureId: 'cn-rare', event: { kind: 'terminated', at: EFFECTIVE, ...plain } }])
  })

  it('records "confirmed" as a review now, on the legal clock of the deadline', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-20T15:30:45.500Z'))
    const { wrapper, entries, recorded } = await open()
    await button(entries()[0]!, 'Confirm checked').trigger('click')
    await settle()
    expect(recorded()).toEqual([
      { measureId: 'us-ships', event: { kind: 'review', at: '2026-11-20T10:30:45-05:00[America/New_York]', ...plain } },
    ])
    await vi.waitFor(() => expect(entries()).toHaveLength(1), { timeout: 10_000 })
    expect(wrapper.text()).toContain('“Port fees”: confirmed as checked')
    // The last entry: the list empties and the keyboard goes to the heading.
    await button(entries()[0]!, 'Confirm checked').trigger('click')
    await settle()
    await vi.waitFor(() => expect(entries()).toHaveLength(0), { timeout: 10_000 })
    expect(wrapper.get('[role="status"]').text()).toBe('Nothing needs review.')
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })

  it('records an extension from a small inline form: until a date in the legal zone, or for a duration', async () => {
    const { entries, recorded } = await open()
    const extend = button(entries()[0]!, 'Record extension')
    expect(extend.attributes('aria-expanded')).toBe('false')
    await extend.trigger('click')
    expect(extend.attributes('aria-expanded')).toBe('true')
    const form = entries()[0]!.get('form.extension')
    expect(extend.attributes('aria-controls')).toBe(form.attributes('id'))
    expect(form.get('legend').text()).toBe('Extended until')
    // Time and zone come from the deadline's legal clock; the date is the person's to give.
    expect(shownTime(form)).toBe('00:01')
    expect((form.get('select:not(.month)').element as HTMLSelectElement).value).toBe('America/New_York')
    expect(document.activeElement).toBe(form.get('.date-input select.month').element)

    await form.trigger('submit')
    expect(form.text()).toContain('Required')
    await setDate(form, '2026-01-01')
    await form.trigger('submit')
    expect(form.text()).toContain('The end must come after the start')
    expect(recorded()).toEqual([])

    await setDate(form, '2027-11-10')
    await form.trigger('submit')
    await settle()
    expect(recorded()).toEqual([
      { measureId: 'us-ships', event: { kind: 'extended', at: ENDED, until: '2027-11-10T00:01:00-05:00[America/New_York]', ...plain } },
    ])
  })

  it('takes a duration counted from the deadline', async () => {
    const { entries, recorded } = await open()
    await button(entries()[0]!, 'Record extension').trigger('click')
    const form = entries()[0]!.get('form.extension')
    await form.findAll('input[type="radio"]')[1]!.setValue(true)
    await form.get('input[type="number"]').setValue('6')
    await form.findAll('select')[0]!.setValue('months')
    await form.trigger('submit')
    await settle()
    expect(recorded()).toEqual([{ measureId: 'us-ships', event: { kind: 'extended', at: ENDED, duration: 'P6M', ...plain } }])
  })

  it('is linked from the board’s review summary', async () => {
    const hs = harness()
    const wrapper = mountIn(hs, ReviewSummary, { props: { total: 1, groups: [] } })
    const link = wrapper.findAll('a').find((a) => a.text() === 'Resolve one by one')
    expect(link?.attributes('href')).toBe('/review')
  })
})
