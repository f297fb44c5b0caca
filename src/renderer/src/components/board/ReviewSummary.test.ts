// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ReviewSummary from './ReviewSummary.vue'
import { reviewGroups, reviewTotal } from '../../logic/review-summary.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { summary } from '../../test/fixtures.ts'

const ended = (id: string) => summary(id, { reviewReason: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' } })
const rows = [
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(ended),
  summary('x', { reviewReason: { kind: 'terminated', at: '2026-02-20T00:00:00-05:00[America/New_York]' } }),
  summary('ok'),
]

function render(locale: 'en' | 'zh-Hant' | 'zh-Hans', list = rows) {
  const h = harness({ locale })
  return mountIn(h, ReviewSummary, { props: { total: reviewTotal(list), groups: reviewGroups(list, locale) } })
}

describe('review summary', () => {
  it('says how many measures need review and why, per reason and day, with plurals', () => {
    const wrapper = render('en')
    expect(wrapper.get('h2').text()).toContain('8 measures need review')
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      '7 suspensions ended on Nov 10, 2026 with no outcome recorded',
      '1 scheduled change (Terminated) passed on Feb 20, 2026 without confirmation',
    ])
    const one = render('en', [ended('a')])
    expect(one.get('h2').text()).toContain('1 measure needs review')
    expect(one.get('li').text()).toBe('1 suspension ended on Nov 10, 2026 with no outcome recorded')
  })

  it('speaks Chinese too', () => {
    expect(
      render('zh-Hant')
        .findAll('li')
        .map((li) => li.text())[0],
    ).toBe('7 項暫停已於 2026年11月10日 期滿，結果未記錄')
    expect(render('zh-Hans').get('h2').text()).toContain('8 项措施待复核')
  })

  it('is absent when nothing needs review, and offers to show only those that do', async () => {
    expect(
      render('en', [summary('ok')])
        .find('h2')
        .exists(),
    ).toBe(false)
    const wrapper = render('en')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Show only these')!
      .trigger('click')
    expect(wrapper.emitted('show')).toHaveLength(1)
  })

  it('fits on one line with the newest reason, and lists every reason on request', async () => {
    const days = ['2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']
    const many = days.map((day, i) =>
      summary(`m${i}`, { reviewReason: { kind: 'suspension_end', at: `${day}T00:01:00-05:00[America/New_York]` } }),
    )
    const wrapper = render('en', many)
    expect(wrapper.get('.line').text()).toContain('5 measures need review1 suspension ended on Nov 10, 2026 with no outcome recorded')
    const list = () => wrapper.get('ul')
    // v-show: hidden is display: none (happy-dom computes no visibility for detached trees).
    const listShown = () => !(list().attributes('style') ?? '').includes('display: none')
    expect(listShown()).toBe(false)
    const toggle = wrapper.get('button[aria-controls]')
    expect(toggle.text()).toBe('Show reasons (5)')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(wrapper.get(`#${toggle.attributes('aria-controls')}`).element.tagName).toBe('UL')

    await toggle.trigger('click')
    expect(listShown()).toBe(true)
    expect(wrapper.findAll('li').map((li) => li.text().replace(/.* on (.*) with .*/, '$1'))).toEqual([
      'Nov 10, 2026',
      'Nov 9, 2026',
      'Nov 8, 2026',
      'Nov 7, 2026',
      'Nov 6, 2026',
    ])
    expect(toggle.text()).toBe('Hide reasons (5)')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    // Five reasons fit in the bounded box: no tab stop for a list that does not scroll.
    expect(list().attributes('tabindex')).toBeUndefined()
    expect(list().attributes('aria-labelledby')).toBe('review-summary-title')

    // A single reason is the whole story: no toggle.
    expect(render('en', many.slice(0, 1)).find('button[aria-controls]').exists()).toBe(false)
    // Expanded, then one reason is left (a reload): back to the one line.
    await wrapper.setProps({ groups: reviewGroups(many.slice(0, 1), 'en') })
    expect(wrapper.find('button[aria-controls]').exists()).toBe(false)
    await wrapper.setProps({ groups: reviewGroups(many, 'en') })
    await nextTick()
    expect(wrapper.get('button[aria-controls]').attributes('aria-expanded')).toBe('false')
    expect(listShown()).toBe(false)
  })

  it('lets the keyboard reach the expanded list when it scrolls', async () => {
    // happy-dom lays nothing out: give the list the heights of one that overflows its box.
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 600 })
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 192 })
    try {
      const many = Array.from({ length: 30 }, (_, i) =>
        summary(`m${i}`, {
          reviewReason: { kind: 'suspension_end', at: `2026-10-${String(i + 1).padStart(2, '0')}T00:01:00-04:00[America/New_York]` },
        }),
      )
      const wrapper = render('en', many)
      await wrapper.get('button[aria-controls]').trigger('click')
      await nextTick()
      await nextTick()
      expect(wrapper.get('ul').attributes('tabindex')).toBe('0')
    } finally {
      delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight
      delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
    }
  })
})
