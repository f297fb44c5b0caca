// @vitest-environment happy-dom
// The editor takes each text in English, Traditional and Simplified Chinese (issue 13). A Chinese
// text the app converted is shown as the empty input's placeholder and explained, and is not sent
// back as a person's words, so the store converts it again from the (possibly edited) other script.
import { describe, expect, it } from 'vitest'
import MeasureEditView from './MeasureEditView.vue'
import { ok } from '../../../shared/result.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

function labelled(wrapper: ReturnType<typeof mountIn>, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text() === text)
  if (!label) throw new Error(`no label "${text}"`)
  return wrapper.get(`#${label.attributes('for')}`)
}

const detail = {
  id: 'm1',
  title: { en: 'Special port fees', 'zh-Hans': '船舶特别港务费', 'zh-Hant': '船舶特別港務費', converted: 'zh-Hant' },
  shortName: 'Port fees',
  imposer: 'CN',
  target: 'US',
  category: 'port_fee',
  authority: 'Ministry of Transport',
  instrument: 'MOT announcement 2025 No. 54',
  instrumentNumber: '',
  scope: '',
  rate: null,
  rateValue: null,
  commitment: null,
  tags: [],
  summary: '',
  translations: {
    authority: { 'zh-Hant': '交通運輸部', 'zh-Hans': '交通运输部' },
    instrument: { 'zh-Hant': '交通運輸部公告2025年第54號', 'zh-Hans': '交通运输部公告2025年第54号', converted: 'zh-Hans' },
  },
  events: [],
  sources: [],
  links: [],
  notes: [],
  progress: [],
}

async function editor(locale: 'en' | 'zh-Hant' = 'en') {
  const service = fakeService({ 'measures.get': () => ok(detail), 'measures.update': () => ok({ ...detail }) })
  const wrapper = mountIn(harness({ service, locale }), MeasureEditView, { props: { id: 'm1' }, attachTo: document.body })
  await settle()
  return { service, wrapper }
}

describe('measure editor in three languages', () => {
  it('has an input per language for every text, labelled with the field and the language', async () => {
    const { wrapper } = await editor()
    for (const field of ['Short name', 'Authority', 'Legal instrument', 'Instrument number', 'Scope', 'Summary']) {
      expect(labelled(wrapper, `${field} (Traditional Chinese)`).attributes('lang')).toBe('zh-Hant')
      expect(labelled(wrapper, `${field} (Simplified Chinese)`).attributes('lang')).toBe('zh-Hans')
    }
    expect((labelled(wrapper, 'Authority (Traditional Chinese)').element as HTMLInputElement).value).toBe('交通運輸部')
    wrapper.unmount()
  })

  it('speaks the app language in those labels', async () => {
    const { wrapper } = await editor('zh-Hant')
    expect(labelled(wrapper, '法律文件（簡體中文）').attributes('lang')).toBe('zh-Hans')
    wrapper.unmount()
  })

  it('shows a converted text as the empty input’s placeholder, says why, and does not send it back', async () => {
    const { service, wrapper } = await editor()
    const instrument = labelled(wrapper, 'Legal instrument (Simplified Chinese)')
    expect((instrument.element as HTMLInputElement).value).toBe('')
    expect(instrument.attributes('placeholder')).toBe('交通运输部公告2025年第54号')
    const hint = wrapper.get(`#${(instrument.attributes('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('-converted'))}`)
    expect(hint.text()).toContain('converted by the app')
    expect(labelled(wrapper, 'Title (Traditional Chinese)').attributes('placeholder')).toBe('船舶特別港務費')

    await labelled(wrapper, 'Scope (Simplified Chinese)').setValue('悬挂美国旗的船舶')
    await wrapper.get('form').trigger('submit')
    await settle()
    const sent = service.calls.find((call) => call.method === 'measures.update')?.input as {
      facts: { title: object; translations: object }
    }
    expect(sent.facts.title).toEqual({ en: 'Special port fees', 'zh-Hant': undefined, 'zh-Hans': '船舶特别港务费' })
    expect(sent.facts.translations).toEqual({
      authority: { 'zh-Hant': '交通運輸部', 'zh-Hans': '交通运输部' },
      instrument: { 'zh-Hant': '交通運輸部公告2025年第54號', 'zh-Hans': undefined },
      scope: { 'zh-Hant': undefined, 'zh-Hans': '悬挂美国旗的船舶' },
    })
    wrapper.unmount()
  })
})
