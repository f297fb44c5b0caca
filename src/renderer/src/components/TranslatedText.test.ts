// @vitest-environment happy-dom
// A measure's text in the app language, with a "machine-converted" mark only where the app
// converted what is shown from the other Chinese script.
import { describe, expect, it } from 'vitest'
import TranslatedText from './TranslatedText.vue'
import type { Locale, LocalizedText } from '../../../shared/domain.ts'
import { harness, mountIn } from '../test/harness.ts'

const converted: LocalizedText = { en: 'Port fees', 'zh-Hans': '港口费', 'zh-Hant': '港口費', converted: 'zh-Hant' }
const show = (text: LocalizedText, locale: Locale) => mountIn(harness({ locale }), TranslatedText, { props: { text } })

describe('TranslatedText', () => {
  it('marks a converted text and says from which script, as a tooltip and for screen readers', () => {
    const wrapper = show(converted, 'zh-Hant')
    const mark = wrapper.get('[data-machine-converted]')
    expect(wrapper.text()).toContain('港口費')
    expect(mark.attributes('title')).toBe('由簡體中文自動轉換（非人工翻譯）')
    expect(mark.get('.visually-hidden').text()).toBe('由簡體中文自動轉換（非人工翻譯）')
  })

  it('shows a person’s text without a mark, and English never marked', () => {
    expect(show(converted, 'zh-Hans').find('[data-machine-converted]').exists()).toBe(false)
    expect(show(converted, 'zh-Hans').text()).toBe('港口费')
    expect(show(converted, 'en').text()).toBe('Port fees')
    expect(show(converted, 'en').find('[data-machine-converted]').exists()).toBe(false)
  })

  it('falls back to English where the language has no text', () => {
    const wrapper = show({ en: 'Port fees' }, 'zh-Hant')
    expect(wrapper.text()).toBe('Port fees')
    expect(wrapper.find('[data-machine-converted]').exists()).toBe(false)
  })
})
