import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../../shared/i18n/message-format.ts'
import { createAppI18n } from './index.ts'
import { initialLocale, localeFromLanguageTag, saveLocale } from './locale.ts'
import { MESSAGES } from '../../../shared/i18n/translate.ts'

describe('messages', () => {
  it('fills {name} placeholders and {literal} escapes', () => {
    expect(parseMessage("a {x} b {'@'} c")).toEqual(['a ', { name: 'x' }, ' b @ c'])
    const { t } = createAppI18n('en').global
    expect(t('countdown.format', { days: 1, hours: 2, minutes: 3, seconds: 4 })).toBe('1d 2h 3m 4s')
    expect(createAppI18n('zh-Hans').global.t('measure.deleted', { title: 'X' })).toBe('已删除“X”')
  })

  it('has every English key in both Chinese files', () => {
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    // Chinese has no singular form: `.one` keys are English-only.
    const english = keys(MESSAGES.en).filter((k) => !k.endsWith('.one'))
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const present = new Set(keys(MESSAGES[locale]))
      expect(english.filter((k) => !present.has(k))).toEqual([])
    }
  })
})

describe('starting language', () => {
  it('follows the system language', () => {
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-CN', 'zh-MO'].map(localeFromLanguageTag)).toEqual(Array(5).fill('zh-Hant'))
    expect(['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-Hans-HK'].map(localeFromLanguageTag)).toEqual(Array(5).fill('zh-Hans'))
    expect(['en-US', 'fr', '', undefined].map(localeFromLanguageTag)).toEqual(Array(4).fill('en'))
  })

  it('prefers a remembered choice', () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage
    expect(initialLocale(storage, 'zh-TW')).toBe('zh-Hant')
    saveLocale(storage, 'zh-Hans')
    expect(initialLocale(storage, 'zh-TW')).toBe('zh-Hans')
  })
})
