// @vitest-environment happy-dom
// The measure page's "Official sources" (issue 16): items in the words, text from the
// network shown as text, Dismiss through watch.dismiss, and the terms editor checking before sending.
import { describe, expect, it } from 'vitest'
import type { WatchHit } from '../../../../shared/watch.ts'
import { measureDetail } from '../../test/detail.ts'
import { fakeService, harness, mountIn, settle } from '../../test/harness.ts'
import WatchSection from './WatchSection.vue'

const HIT: WatchHit = {
  id: 'hit-1',
  measureId: 'm1',
  origin: 'federal-register',
  publisher: 'Federal Register',
  title: 'Notice of Action <img src=x onerror="window.hacked=1">',
  documentType: 'Notice',
  published: '2026-11-20',
  effective: '2026-11-10',
  url: 'https://www.federalregister.gov/documents/2026/11/20/2026-90001/notice',
  matched: 'docket USTR-2025-0022',
  foundAt: '2026-12-04T12:00:00.000Z',
}

async function section(hits: WatchHit[], locale: 'en' | 'zh-Hant' = 'en') {
  const service = fakeService({ 'watch.hits': () => hits, 'watch.dismiss': () => ({ id: 'hit-1' }) })
  const hs = harness({ service, locale })
  const wrapper = mountIn(hs, WatchSection, { props: { detail: measureDetail({ id: 'm1' }) } })
  await settle()
  return { wrapper, service }
}

describe('WatchSection', () => {
  it("says what was found in the issue's words, with markup from the network as inert text", async () => {
    const { wrapper } = await section([HIT])
    const item = wrapper.get('li.watch-hit')
    expect(item.text()).toContain(
      'New Federal Register document may affect this measure: Notice of Action <img src=x onerror="window.hacked=1">, Notice, published Nov 20, 2026, effective Nov 10, 2026',
    )
    expect(item.find('img').exists()).toBe(false)
    expect(item.get('a').attributes('href')).toBe(HIT.url)
    expect(item.text()).toContain('Matched docket USTR-2025-0022')
  })

  it('speaks the app language', async () => {
    const { wrapper } = await section([HIT], 'zh-Hant')
    expect(wrapper.get('li.watch-hit').text()).toContain('新的《聯邦公報》文件可能影響此措施')
  })

  it('dismisses through watch.dismiss', async () => {
    const { wrapper, service } = await section([HIT])
    const dismiss = wrapper.findAll('button').find((b) => b.text() === 'Dismiss')!
    await dismiss.trigger('click')
    await settle()
    expect(service.calls.filter((c) => c.method === 'watch.dismiss').map((c) => c.input)).toEqual([{ measureId: 'm1', hitId: 'hit-1' }])
  })

  it('refuses terms the Federal Register does not take before sending them', async () => {
    const { wrapper, service } = await section([])
    expect(wrapper.text()).toContain('This measure has no watch terms')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Edit watch terms')!
      .trigger('click')
    await wrapper.get('#watch-terms-cfrParts').setValue('part 744')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('#watch-terms-cfrParts').attributes('aria-invalid')).toBe('true')
    expect(service.calls.some((c) => c.method === 'watch.setTerms')).toBe(false)
  })
})
