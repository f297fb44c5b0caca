import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { foldText, matchesTerms, measureSearchText, searchTerms, searchText, type SearchableMeasure } from './text-search.ts'

const measure: SearchableMeasure = {
  id: 'cn-rare-earth-controls',
  title: { en: 'Rare earth export controls', 'zh-Hant': '稀土出口管制措施', 'zh-Hans': '稀土出口管制措施' },
  shortName: 'MOFCOM 61',
  instrument: 'MOFCOM Announcement No. 61 of 2025',
  imposer: 'CN',
  target: 'US',
  tags: ['Exportkontrolle für Seltenerdmetalle', 'truce'],
}
const finds = (query: string, m: SearchableMeasure = measure) => matchesTerms(searchTerms(query), measureSearchText(m))

describe('folding', () => {
  it('ignores case, diacritics and character width', () => {
    expect(foldText('Régime ÉCONOMIQUE')).toBe('regime economique')
    expect(foldText('ＵＳＴＲ　３０１')).toBe('ustr 301')
    expect(foldText('ﬁnal İstanbul')).toBe('final istanbul')
    expect(foldText('稀土出口管制，「暫停」')).toBe('稀土出口管制,「暫停」')
  })

  it('leaves plain text (ASCII and Chinese) as lower case only, which is the fast path', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ 09-稀土出口管制、。'.split('')) }), (text) => {
        expect(foldText(text)).toBe(text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, ''))
      }),
    )
  })
})

describe('search terms', () => {
  it('splits the folded query on any white space, and a blank query has no terms', () => {
    expect(searchTerms('  Export\tCONTROLS\n稀土　管制 ')).toEqual(['export', 'controls', '稀土', '管制'])
    expect(searchTerms(' \u3000 ')).toEqual([])
  })

  it('a blank query matches anything', () => {
    expect(matchesTerms(searchTerms(''), '')).toBe(true)
  })
})

describe('a measure matches', () => {
  it('when every word occurs, in any field and any order', () => {
    expect(finds('controls rare')).toBe(true)
    expect(finds('truce mofcom 61')).toBe(true)
    expect(finds('rare earth tariffs')).toBe(false)
  })

  it('on a part of a word: Chinese has no spaces', () => {
    expect(finds('稀土')).toBe(true)
    expect(finds('出口管制')).toBe(true)
    expect(finds('export')).toBe(true)
    expect(finds('xport contr')).toBe(true)
  })

  it('whatever the case, diacritics and width of query and text', () => {
    expect(finds('SELTENERDMETALLE')).toBe(true)
    expect(finds('fur')).toBe(true)
    expect(finds('ＭＯＦＣＯＭ　６１')).toBe(true)
    expect(finds('ｒａｒｅ')).toBe(true)
    expect(finds('régime', { ...measure, title: { en: 'Sanctions regime' } })).toBe(true)
  })

  it('on its id, every language of its title, short name, instrument and tags', () => {
    expect(finds('cn-rare-earth')).toBe(true)
    expect(finds('措施', { ...measure, title: { en: 'Controls', 'zh-Hant': '管制措施' } })).toBe(true)
    expect(finds('措施', { ...measure, title: { en: 'Controls', 'zh-Hans': '管制措施' } })).toBe(true)
    expect(finds('announcement')).toBe(true)
  })

  it('on both parties, by code and by name in every UI language, whatever the UI language', () => {
    for (const name of ['united states', '美國', '美国', 'china', '中國', '中国']) expect(finds(name), name).toBe(true)
    expect(finds('european union')).toBe(false)
    expect(finds('欧盟', { ...measure, imposer: 'EU' })).toBe(true)
  })

  it('never across two fields: a word cannot begin in one field and end in the next', () => {
    const joined = searchText(['Rare earth', 'controls'])
    expect(matchesTerms(searchTerms('earth'), joined)).toBe(true)
    expect(matchesTerms(searchTerms('earthcontrols'), joined)).toBe(false)
    expect(finds('truceus')).toBe(false)
  })

  it('Traditional and Simplified characters are not converted into each other', () => {
    const onlyTraditional = { ...measure, title: { en: 'Port fees', 'zh-Hant': '港口費' } }
    expect(finds('港口費', onlyTraditional)).toBe(true)
    expect(finds('港口费', onlyTraditional)).toBe(false)
  })
})
