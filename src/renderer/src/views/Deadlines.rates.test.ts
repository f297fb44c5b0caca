// @vitest-environment happy-dom
// Issue 10 in Upcoming and Needs review: a rate step is a labelled deadline, a partly suspended
// measure says what is in effect, and a commitment's passed deadline leads to recording the figure
// (a "Confirm checked" would leave its outcome unknown).
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { MeasureSummary, UpcomingTransition } from '../../../shared/api-views.ts'
import { epochMs } from '../../../shared/time.ts'
import { useClockStore } from '../stores/clock.ts'
import { PARTLY_SUSPENDED, summary } from '../test/fixtures.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { pageHandlers } from '../test/page-fake.ts'

const Page = defineComponent({ render: () => h('main', { id: 'main' }, [h(RouterView)]) })
const NOW = epochMs('2026-12-01T12:00:00+00:00[UTC]')
const STEP = '2027-06-23T00:00:00-04:00[America/New_York]'
const ENDS = '2026-12-10T00:01:00-05:00[America/New_York]'
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

function upcoming(
  measureId: string,
  kind: UpcomingTransition['transition']['kind'],
  at: string,
  status: MeasureSummary['status'],
): UpcomingTransition {
  return {
    measureId,
    title: { en: `Measure ${measureId}` },
    shortName: '',
    imposer: 'US',
    target: 'CN',
    category: 'tariff',
    status,
    transition: { kind, at, atMs: epochMs(at), eventId: `${measureId}-e` },
  }
}

async function mountAt(path: string, handlers: Parameters<typeof fakeService>[0]) {
  const service = fakeService(handlers)
  const hs = harness({ service })
  useClockStore().now = NOW
  await hs.router.push(path)
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true), { timeout: 10_000 })
  await settle()
  return { wrapper, service }
}

describe('Upcoming: rate steps and partial suspension', () => {
  it('lists a rate step as a labelled deadline and a partly suspended measure with its rate in effect', async () => {
    const { wrapper } = await mountAt('/upcoming', {
      'reminders.upcoming': () => [
        upcoming('reciprocal', 'suspension_end', ENDS, 'partly_suspended'),
        upcoming('chips', 'rate_step', STEP, 'in_force'),
      ],
      'reminders.settings': () => ({ leadDays: [90, 30, 7, 1] }),
      ...pageHandlers(() => [
        summary('reciprocal', { ...PARTLY_SUSPENDED, title: { en: 'Measure reciprocal' } }),
        summary('chips', { title: { en: 'Measure chips' }, rate: '0%' }),
      ]),
    })
    await wrapper.get('#upcoming-days').setValue('365')
    await settle()
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2))
    const cells = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => squash(td.text())))
    const reciprocal = cells.find((row) => row[3] === 'Measure reciprocal')!
    expect(reciprocal[5]).toBe('Partly suspended — 10% in effect (34%, 24 points suspended)')
    const chips = cells.find((row) => row[3] === 'Measure chips')!
    expect(chips[2]).toBe('Rate step')
    expect(chips[5]).toBe('In force')
  })
})

/** Needs review asks measures.page a page at a time; these rows are the whole list. */
const page = (rows: ReturnType<typeof summary>[]) => ({ atMs: 0, offset: 0, rows, total: rows.length, counts: null })

describe('Needs review: commitments and partial suspension', () => {
  it('sends a passed commitment deadline to the figure, and shows the rate in effect', async () => {
    const { wrapper } = await mountAt('/review', {
      'measures.page': () =>
        page([
          summary('soybeans', {
            title: { en: 'Soybean purchases 2025' },
            imposer: 'CN',
            target: 'US',
            category: 'commitment',
            reviewReason: { kind: 'commitment_deadline', at: '2026-01-01T00:00:00+08:00[Asia/Shanghai]' },
          }),
          summary('reciprocal', { ...PARTLY_SUSPENDED, title: { en: 'Reciprocal tariff' }, reviewReason: { kind: 'effective', at: ENDS } }),
        ]),
    })
    const [soybeans, reciprocal] = wrapper.findAll('li.entry')
    expect(soybeans!.text()).toContain('Scheduled change (Commitment deadline) passed on Jan 1, 2026')
    const link = soybeans!.findAll('a').find((a) => a.text() === 'Record progress…')!
    expect(link.attributes('href')).toBe('/measure/soybeans#commitment')
    expect(soybeans!.findAll('button').map((b) => b.text())).not.toContain('Confirm checked')
    expect(squash(reciprocal!.get('.status-with-rate').text())).toBe('Partly suspended — 10% in effect (34%, 24 points suspended)')
  })
})
