import { describe, expect, it } from 'vitest'
import { appLocaleOf, pickAppLocale } from './locale.ts'

describe('appLocaleOf', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-hant-tw', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['fr-FR', null],
    ['ja', null],
    ['', null],
  ])('%s → %s', (tag, locale) => {
    expect(appLocaleOf(tag)).toBe(locale)
  })
})

describe('pickAppLocale', () => {
  it('takes the first preferred language the app speaks', () => {
    expect(pickAppLocale(['fr-FR', 'zh-TW', 'en-US'])).toBe('zh-Hant')
    expect(pickAppLocale(['de', 'en-GB', 'zh-CN'])).toBe('en')
  })
  it('falls back to English', () => {
    expect(pickAppLocale([])).toBe('en')
    expect(pickAppLocale(['ko-KR'])).toBe('en')
  })
})
