// @vitest-environment happy-dom
// Issue 11: once an extension moves a suspension's end, the timeline shows the old end struck
// through ("moved to … by the extension of …") and the sources' disagreement about that old end
// is no longer raised (the alternative is kept).
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { MeasureDetail } from '../../../../shared/api-views.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { measureDetail } from '../../test/detail.ts'
import DateConflicts from './DateConflicts.vue'
import EventTimeline from './EventTimeline.vue'

const END = '2026-11-10T00:01:00-05:00[America/New_York]'
const NEW_END = '2027-11-10T00:01:00-05:00[America/New_York]'

function mountPage(detail: MeasureDetail) {
  const hs = harness()
  const Page = defineComponent({
    render: () =>
      h('div', [h(DateConflicts, { events: detail.events, sources: detail.sources, busy: false }), h(EventTimeline, { detail })]),
  })
  return mountIn(hs, Page)
}

const extended = (base: MeasureDetail): MeasureDetail => ({
  ...base,
  events: [
    ...base.events,
    {
      id: 'x',
      kind: 'extended',
      at: END,
      until: NEW_END,
      scheduled: false,
      rate: null,
      scope: null,
      sourceIds: [],
      note: '',
      alternatives: [],
      rateValue: null,
      part: null,
      whenSuspended: null,
    },
  ],
})

describe('a superseded suspension end', () => {
  it('before any extension: the disagreement about the end shows, nothing is struck through', () => {
    const wrapper = mountPage(measureDetail())
    expect(wrapper.find('.conflicts').exists()).toBe(true)
    expect(wrapper.find('.timeline .conflict').exists()).toBe(true)
    expect(wrapper.find('del').exists()).toBe(false)
  })

  it('after an extension at the end: struck through with where it moved, and no "sources disagree"', () => {
    const wrapper = mountPage(extended(measureDetail()))
    const item = wrapper.findAll('.timeline li').find((li) => li.text().includes('Superseded suspension end'))!
    expect(item.text()).toContain('moved to Nov 10, 2027 by the extension of Nov 10, 2026')
    expect(item.findAll('del').length).toBe(2)
    // The suspension's own "until" reads struck through too.
    const suspension = wrapper.findAll('.timeline li').find((li) => li.text().startsWith('Nov 10, 2025') || li.text().includes('One year'))!
    expect(suspension.get('del').text()).toContain('Nov 10, 2026')
    expect(wrapper.find('.conflicts').exists()).toBe(false)
    expect(wrapper.find('.timeline .conflict').exists()).toBe(false)
  })

  it('a disagreement about another date still shows', () => {
    const base = extended(measureDetail())
    base.events[0] = {
      ...base.events[0]!,
      alternatives: [{ field: 'at', value: '2025-10-15T00:01:00-04:00[America/New_York]', sourceIds: ['s1'], note: '' }],
    }
    const wrapper = mountPage(base)
    const box = wrapper.get('.conflicts')
    expect(box.findAll('li')).toHaveLength(1)
    expect(box.text()).not.toContain('through 9 Nov')
  })
})
