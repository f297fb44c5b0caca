// @vitest-environment happy-dom
// The timeline chart's keyboard and pointer: + − zoom about the middle, ← → pan a fifth of the
// view, Home asks for "fit all", Enter on a lane's title opens it; only the lanes in the window are
// drawn, and hovering a bar shows its text.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { laneLayout } from '../../../../shared/charts/lanes.ts'
import type { TimelineLane } from '../../../../shared/charts/model.ts'
import { timelineText } from '../../../../shared/charts/texts.ts'
import { translator } from '../../../../shared/i18n/translate.ts'
import TimelineChart from './TimelineChart.vue'

const DAY = 86_400_000
const DATA = { fromMs: 0, toMs: 1000 * DAY }
const lane = (id: string): TimelineLane => ({
  id,
  imposer: 'US',
  target: 'CN',
  segments: [
    { status: 'pending', fromMs: 0, toMs: 400 * DAY, from: null, to: '1971-02-05T00:00:00+00:00[UTC]' },
    { status: 'in_force', fromMs: 400 * DAY, toMs: 1000 * DAY, from: '1971-02-05T00:00:00+00:00[UTC]', to: null },
  ],
  markers: [{ kind: 'effective', at: '1971-02-05T00:00:00+00:00[UTC]', atMs: 400 * DAY, eventId: 'e1' }],
  lapsed: null,
})

function chart(count = 3) {
  const ids = Array.from({ length: count }, (_, i) => `m${i}`)
  return mount(TimelineChart, {
    props: {
      lanes: new Map(ids.map((id) => [id, lane(id)])),
      layout: laneLayout([{ key: 'all', label: '', ids }]),
      view: { fromMs: 0, toMs: 1000 * DAY },
      data: DATA,
      nowMs: 500 * DAY,
      asOfMs: null,
      locale: 'en',
      text: timelineText({ t: translator('en'), locale: 'en', zone: 'UTC', title: (id) => `Title ${id}` }),
      label: 'Timeline chart',
    },
    attachTo: document.body,
  })
}

describe('timeline chart', () => {
  it('zooms and pans by keyboard, and asks to fit all on Home', async () => {
    const wrapper = chart()
    const scroller = wrapper.get('[role="group"][aria-label="Timeline chart"]')
    await scroller.trigger('keydown', { key: '+' })
    await scroller.trigger('keydown', { key: 'ArrowRight' })
    await scroller.trigger('keydown', { key: '-' })
    await scroller.trigger('keydown', { key: 'Home' })
    const views = wrapper.emitted('update:view') as [{ fromMs: number; toMs: number }][]
    expect(views[0]![0]).toEqual({ fromMs: 250 * DAY, toMs: 750 * DAY })
    expect(views[1]![0]).toEqual({ fromMs: 200 * DAY, toMs: 1200 * DAY })
    expect(views[2]![0]).toEqual({ fromMs: -500 * DAY, toMs: 1500 * DAY })
    expect(wrapper.emitted('fit')).toHaveLength(1)
    wrapper.unmount()
  })

  it('opens a lane’s measure with Enter on its title, and shows a bar’s or marker’s text on hover and focus', async () => {
    const wrapper = chart()
    await wrapper.get('[data-open="m1"]').trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('open')).toEqual([['m1']])
    await wrapper.get('[data-lane="m0"][data-segment="1"]').trigger('mouseover')
    expect(wrapper.get('[role="tooltip"]').text()).toBe('Title m0 — In force: Feb 5, 1971, 00:00 UTC – onwards')
    // Bars and markers are in the tab order; focusing one shows its text as hovering does.
    const marker = wrapper.get('[data-lane="m0"][data-marker="0"]')
    expect(marker.attributes('tabindex')).toBe('0')
    await marker.trigger('focusin')
    expect(wrapper.get('[role="tooltip"]').text()).toBe('Title m0 — Takes effect: Feb 5, 1971, 00:00 UTC')
    wrapper.unmount()
  })

  it('draws only the lanes near the window of a long list', () => {
    const wrapper = chart(10_000)
    const drawn = wrapper.findAll('[data-open]').length
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(60)
    wrapper.unmount()
  })
})
