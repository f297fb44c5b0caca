import { describe, expect, it } from 'vitest'
import { localizedText } from './localized.ts'

describe('localized text with fallback', () => {
  const all = { en: 'Tariff', 'zh-Hant': '關稅', 'zh-Hans': '关税' }

  it('gives the text in the language asked for', () => {
    expect(localizedText(all, 'en')).toBe('Tariff')
    expect(localizedText(all, 'zh-Hant')).toBe('關稅')
    expect(localizedText(all, 'zh-Hans')).toBe('关税')
  })

  it('falls back to English when the language is missing, empty or blank', () => {
    expect(localizedText({ en: 'Tariff' }, 'zh-Hant')).toBe('Tariff')
    expect(localizedText({ en: 'Tariff', 'zh-Hant': '' }, 'zh-Hant')).toBe('Tariff')
    expect(localizedText({ en: 'Tariff', 'zh-Hans': ' \n\t' }, 'zh-Hans')).toBe('Tariff')
  })

  it('never falls back from one Chinese script to the other', () => {
    expect(localizedText({ en: 'Tariff', 'zh-Hans': '关税' }, 'zh-Hant')).toBe('Tariff')
    expect(localizedText({ en: 'Tariff', 'zh-Hant': '關稅' }, 'zh-Hans')).toBe('Tariff')
  })

  it('keeps the text as written (no trimming of a present text)', () => {
    expect(localizedText({ en: 'Tariff', 'zh-Hant': ' 關稅 ' }, 'zh-Hant')).toBe(' 關稅 ')
  })

  it('without English, gives any language that has text, else an empty string', () => {
    expect(localizedText({ en: ' ', 'zh-Hans': '关税' }, 'zh-Hant')).toBe('关税')
    expect(localizedText({ en: '' }, 'en')).toBe('')
  })
})
