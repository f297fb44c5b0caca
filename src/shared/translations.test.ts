import { describe, expect, it } from 'vitest'
import { fieldText, hasText, isMachineConverted, scopeInForce, translatedField } from './translations.ts'

const measure = {
  instrument: 'MOT announcement 2025 No. 54',
  shortName: '',
  translations: { instrument: { 'zh-Hant': '交通運輸部公告', 'zh-Hans': '交通运输部公告', converted: 'zh-Hans' as const } },
}

describe('a field in the reader’s language', () => {
  it('is the field’s Chinese where there is one, else its English (the one fallback rule)', () => {
    expect(translatedField(measure, 'instrument', 'zh-Hant')).toBe('交通運輸部公告')
    expect(translatedField(measure, 'instrument', 'en')).toBe('MOT announcement 2025 No. 54')
    expect(translatedField({ instrument: 'Order', translations: {} }, 'instrument', 'zh-Hans')).toBe('Order')
    expect(translatedField({ note: 'English', translations: undefined }, 'note', 'zh-Hant')).toBe('English')
  })

  it('is marked machine-converted only for the converted script and only when it has text', () => {
    const text = fieldText(measure.instrument, measure.translations.instrument)
    expect(isMachineConverted(text, 'zh-Hans')).toBe(true)
    expect(isMachineConverted(text, 'zh-Hant')).toBe(false)
    expect(isMachineConverted(text, 'en')).toBe(false)
    expect(isMachineConverted({ en: 'x', 'zh-Hans': ' ', converted: 'zh-Hans' }, 'zh-Hans')).toBe(false)
  })

  it('counts a field as filled when any language has words', () => {
    expect(hasText(fieldText('', { 'zh-Hant': '摘要' }))).toBe(true)
    expect(hasText(fieldText(' ', undefined))).toBe(false)
  })
})

describe('scopeInForce', () => {
  const base = { scope: 'All goods', translations: { scope: { 'zh-Hans': '所有商品', 'zh-Hant': '所有商品' } } }
  const events = [
    { scope: 'Some goods', translations: { scope: { 'zh-Hans': '部分商品（旧）' } } },
    { scope: 'Some goods', translations: { scope: { 'zh-Hans': '部分商品' } } },
  ]
  it('is the measure’s own scope with its Chinese while no amendment changed it', () => {
    expect(scopeInForce({ ...base, events, state: { scope: 'All goods' } })).toMatchObject({ en: 'All goods', 'zh-Hans': '所有商品' })
    expect(scopeInForce({ ...base, events, state: { scope: '' } })).toMatchObject({ en: 'All goods' })
  })
  it('is the amending event’s scope with that event’s Chinese (the latest giving that text)', () => {
    expect(scopeInForce({ ...base, events, state: { scope: 'Some goods' } })).toEqual({ en: 'Some goods', 'zh-Hans': '部分商品' })
  })
})
