// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import ReviewSummary from './ReviewSummary.vue'
import { reviewGroups, reviewTotal } from '../../logic/review-summary.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { summary } from '../../test/fixtures.ts'

const ended = (id: string) => summary(id, { reviewReason: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' } })
const rows = [...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(ended), summary('x', { reviewReason: { kind: 'terminated', at: '2026-02-20T00:00:00-05:00[America/New_York]' } }), summary('ok')]

function render(locale: 'en' | 'zh-Hant' | 'zh-Hans', list = rows) {
  const h = harness({ locale })
  return mountIn(h, ReviewSummary, { props: { total: reviewTotal(list), groups: reviewGroups(list, locale) } })
}

describe('review summary', () => {
  it('says how many measures need review and why, per reason and day, with plurals', () => {
    const wrapper = render('en')
    expect(wrapper.get('h2').text()).toContain('8 measures need review')
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      '1 scheduled change (Terminated) passed on Feb 20, 2026 without confirmation',
      '7 suspensions ended on Nov 10, 2026 with no outcome recorded',
    ])
    const one = render('en', [ended('a')])
    expect(one.get('h2').text()).toContain('1 measure needs review')
    expect(one.get('li').text()).toBe('1 suspension ended on Nov 10, 2026 with no outcome recorded')
  })

  it('speaks Chinese too', () => {
    expect(render('zh-Hant').findAll('li').map((li) => li.text())[1]).toBe('7 項暫停已於 2026年11月10日 期滿，結果未記錄')
    expect(render('zh-Hans').get('h2').text()).toContain('8 项措施待复核')
  })

  it('is absent when nothing needs review, and offers to show only those that do', async () => {
    expect(render('en', [summary('ok')]).find('h2').exists()).toBe(false)
    const wrapper = render('en')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('show')).toHaveLength(1)
  })
})
