// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { UpcomingTransition } from '../../../shared/api-views.ts'
import { epochMs } from '../../../shared/time.ts'
import { useClockStore } from '../stores/clock.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const Page = defineComponent({ render: () => h('main', { id: 'main' }, [h(RouterView)]) })
const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = epochMs('2026-11-01T12:00:00+00:00[UTC]')

function row(id: string, atMs: number, kind: UpcomingTransition['transition']['kind'] = 'suspension_end'): UpcomingTransition {
  const at = new Date(atMs).toISOString().replace('.000Z', '+00:00[UTC]')
  return {
    measureId: id,
    title: { en: `Measure ${id}`, 'zh-Hans': `措施 ${id}` },
    shortName: '',
    imposer: 'US',
    target: 'CN',
    category: 'tariff',
    status: 'suspended',
    transition: { kind, at, atMs, eventId: `${id}-e` },
  }
}

const ALL = [row('soon', NOW + 2 * DAY + 3 * HOUR), row('later', NOW + 20 * DAY, 'effective'), row('far', NOW + 200 * DAY)]

async function open() {
  const service = fakeService({
    'reminders.upcoming': (input) => {
      const { days, at } = input as { days: number; at?: string }
      const from = at ? epochMs(at) : NOW
      return ALL.filter((r) => r.transition.atMs > from && r.transition.atMs <= from + days * DAY)
    },
    'reminders.settings': () => ({ leadDays: [90, 30, 7, 1] }),
  })
  const hs = harness({ service })
  const clock = useClockStore()
  clock.now = NOW
  await hs.router.push('/upcoming')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Upcoming deadlines'), { timeout: 10_000 })
  await settle()
  const titles = () => wrapper.findAll('tbody tr td a').map((a) => a.text())
  const upcomingCalls = () => service.calls.filter((c) => c.method === 'reminders.upcoming').map((c) => c.input)
  return { wrapper, service, hs, clock, titles, upcomingCalls }
}

describe('Upcoming', () => {
  it('lists the next 30 days by default, soonest first, with links to the measures and the lead times', async () => {
    const { wrapper, titles, upcomingCalls } = await open()
    expect(upcomingCalls()).toEqual([{ days: 30 }])
    expect(titles()).toEqual(['Measure soon', 'Measure later'])
    expect(wrapper.get('[role="status"]').text()).toBe('2 deadlines in the next 30 days')
    expect(wrapper.get('tbody tr td a').attributes('href')).toBe('/measure/soon')
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('td')[2]!.text())).toEqual(['Suspension ends', 'Takes effect'])
    expect(wrapper.text()).toContain('Reminders come 90, 30, 7, 1 days before each deadline.')
    const select = wrapper.get('select')
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('Within')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['7 days', '30 days', '90 days', '365 days'])
  })

  it('asks again for the chosen number of days', async () => {
    const { wrapper, titles, upcomingCalls } = await open()
    await wrapper.get('select').setValue('7')
    await settle()
    expect(upcomingCalls()).toEqual([{ days: 30 }, { days: 7 }])
    expect(titles()).toEqual(['Measure soon'])
    expect(wrapper.get('[role="status"]').text()).toBe('1 deadline in the next 7 days')
    await wrapper.get('select').setValue('365')
    await settle()
    expect(titles()).toEqual(['Measure soon', 'Measure later', 'Measure far'])
  })

  it('counts down from the shared clock, drops a passed deadline and asks again', async () => {
    const { wrapper, clock, titles, upcomingCalls } = await open()
    const countdown = () => wrapper.findAll('tbody tr')[0]!.get('.countdown .numeric').text()
    expect(countdown()).toBe('2d 3h 0m')
    clock.now = NOW + HOUR + 5_000
    await settle()
    expect(countdown()).toBe('2d 1h 59m')
    clock.now = NOW + 2 * DAY + 3 * HOUR + 1
    await settle()
    expect(titles()[0]).toBe('Measure later')
    expect(upcomingCalls()).toHaveLength(2)
  })

  it('starts the window at the as-of instant, and the countdowns stand still there', async () => {
    const { wrapper, clock, titles, upcomingCalls } = await open()
    const asOf = '2026-11-15T12:00:00+00:00[UTC]'
    clock.setAsOf(asOf)
    await settle()
    expect(upcomingCalls().at(-1)).toEqual({ days: 30, at: asOf })
    expect(titles()).toEqual(['Measure later'])
    const text = wrapper.get('tbody tr .countdown .numeric').text()
    expect(text).toBe('6d 0h')
    clock.now = NOW + 5 * HOUR
    await settle()
    expect(wrapper.get('tbody tr .countdown .numeric').text()).toBe(text)
  })
})

describe('upcoming countdowns', () => {
  it('count months on the deadline’s legal calendar, not UTC’s', async () => {
    // 30 Nov 20:00 UTC is already 1 Dec in Beijing; 30 Jan 04:00 there is 1 month 29 days later
    // on that calendar (1 month 30 days on UTC's).
    const now = Date.parse('2026-11-30T20:00:00Z')
    const beijing: UpcomingTransition = {
      ...row('beijing', Date.parse('2027-01-29T20:00:00Z')),
      transition: {
        kind: 'suspension_end',
        at: '2027-01-30T04:00:00+08:00[Asia/Shanghai]',
        atMs: Date.parse('2027-01-29T20:00:00Z'),
        eventId: 'e',
      },
    }
    const service = fakeService({ 'reminders.upcoming': () => [beijing], 'reminders.settings': () => ({ leadDays: [90, 30, 7, 1] }) })
    const hs = harness({ service })
    useClockStore().now = now
    await hs.router.push('/upcoming')
    const wrapper = mountIn(hs, Page, { attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('#upcoming-days').exists()).toBe(true), { timeout: 10_000 })
    await wrapper.get('#upcoming-days').setValue('90')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(1), { timeout: 10_000 })
    await settle()
    expect(wrapper.get('tbody tr td:nth-child(2)').text()).toContain('1mo 29d')
  })
})
