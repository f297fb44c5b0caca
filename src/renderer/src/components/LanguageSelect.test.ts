// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import LanguageSelect from './LanguageSelect.vue'
import { useLocaleSync } from '../composables/useLocaleSync.ts'
import { initialLocale, LOCALE_STORAGE_KEY } from '../i18n/locale.ts'
import { harness, mountIn } from '../test/harness.ts'

const Shell = defineComponent({
  setup() {
    useLocaleSync()
  },
  render: () => h(LanguageSelect),
})

beforeEach(() => localStorage.clear())

describe('language switch', () => {
  it('changes the UI language, sets <html lang> and remembers the choice', async () => {
    const hs = harness({ locale: 'en' })
    const wrapper = mountIn(hs, Shell)
    expect(document.documentElement.lang).toBe('en')
    expect(wrapper.get('label').text()).toBe('Language')
    // Starting up does not count as a choice.
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull()
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['English', '繁體中文', '简体中文'])

    await wrapper.get('select').setValue('zh-Hant')
    expect(wrapper.get('label').text()).toBe('語言')
    expect(document.documentElement.lang).toBe('zh-Hant')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-Hant')
    // The next start opens in the chosen language, whatever the system says.
    expect(initialLocale(localStorage, 'en-US')).toBe('zh-Hant')

    await wrapper.get('select').setValue('zh-Hans')
    expect(wrapper.get('label').text()).toBe('语言')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-Hans')
  })
})
