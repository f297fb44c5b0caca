// Deriving a missing Chinese script (OpenCC through opencc-js) and the machine-converted mark.
import { describe, expect, it } from 'vitest'
import { convertScript, withDerivedScript, withDerivedScripts } from './chinese-script.ts'

describe('convertScript', () => {
  it('writes official names in the other script', () => {
    expect(convertScript('商务部公告2025年第70号', 'zh-Hant')).toBe('商務部公告2025年第70號')
    expect(convertScript('商務部公告2025年第70號', 'zh-Hans')).toBe('商务部公告2025年第70号')
    expect(convertScript('国务院关税税则委员会', 'zh-Hant')).toBe('國務院關稅稅則委員會')
  })

  it('chooses by phrase where one Simplified character has several Traditional ones', () => {
    // 后 is 後 ("after") in 后来 but stays 后 ("queen") in 皇后; 发 is 發 in 发布, 髮 in 头发.
    expect(convertScript('后来皇后', 'zh-Hant')).toBe('後來皇后')
    expect(convertScript('头发', 'zh-Hant')).toBe('頭髮')
  })

  it('keeps what is not Chinese as it is', () => {
    expect(convertScript('IEEPA 第14257号 EO 14257 (34%)', 'zh-Hant')).toBe('IEEPA 第14257號 EO 14257 (34%)')
  })
})

describe('withDerivedScript', () => {
  it('derives Traditional from Simplified and marks it', () => {
    expect(withDerivedScript({ en: 'Port fees', 'zh-Hans': '港口费' })).toEqual({
      en: 'Port fees',
      'zh-Hans': '港口费',
      'zh-Hant': '港口費',
      converted: 'zh-Hant',
    })
  })

  it('derives Simplified from Traditional and marks it', () => {
    expect(withDerivedScript({ 'zh-Hant': '關稅' })).toEqual({ 'zh-Hant': '關稅', 'zh-Hans': '关税', converted: 'zh-Hans' })
  })

  it('leaves a text with both scripts, or with neither, unmarked; English is never a source', () => {
    expect(withDerivedScript({ en: 'Tariff', 'zh-Hant': '關稅', 'zh-Hans': '关税' })).toEqual({
      en: 'Tariff',
      'zh-Hant': '關稅',
      'zh-Hans': '关税',
    })
    expect(withDerivedScript({ en: 'Tariff' })).toEqual({ en: 'Tariff' })
  })

  it('treats a blank script as missing', () => {
    expect(withDerivedScript({ en: 'Tariff', 'zh-Hant': '  ', 'zh-Hans': '关税' })).toEqual({
      en: 'Tariff',
      'zh-Hant': '關稅',
      'zh-Hans': '关税',
      converted: 'zh-Hant',
    })
  })

  it('derives again from an edited source: a converted value is never kept as a person’s text', () => {
    const stored = withDerivedScript({ en: 'Tariff', 'zh-Hans': '关税' })
    expect(withDerivedScript({ ...stored, 'zh-Hans': '港口费' })).toMatchObject({ 'zh-Hant': '港口費', converted: 'zh-Hant' })
    // A converted value without its source any more is dropped with it.
    expect(withDerivedScript({ en: 'Tariff', 'zh-Hant': '關稅', converted: 'zh-Hant' })).toEqual({ en: 'Tariff' })
  })

  it('keeps a value a person typed over the converted one once the mark is gone', () => {
    expect(withDerivedScript({ en: 'Tariff', 'zh-Hans': '关税', 'zh-Hant': '關税（人工）' })).toEqual({
      en: 'Tariff',
      'zh-Hans': '关税',
      'zh-Hant': '關税（人工）',
    })
  })
})

describe('withDerivedScripts', () => {
  it('derives every field and leaves out fields without Chinese', () => {
    expect(withDerivedScripts({ instrument: { 'zh-Hans': '商务部公告' }, scope: { 'zh-Hant': ' ' }, summary: {} })).toEqual({
      instrument: { 'zh-Hans': '商务部公告', 'zh-Hant': '商務部公告', converted: 'zh-Hant' },
    })
  })
})
