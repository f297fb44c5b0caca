// Plural forms: one key per CLDR category, chosen by Intl.PluralRules (see plural.ts).
import { describe, expect, it } from 'vitest'
import { formatCount, pluralCategory, pluralKey, pluralText, translatePlural } from './plural.ts'

describe('plural forms', () => {
  it('chooses the CLDR category of the language', () => {
    expect([0, 1, 2, 1.5].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other'])
    expect([0, 1, 2].map((n) => pluralCategory('zh-Hant', n))).toEqual(['other', 'other', 'other'])
  })

  it('picks the form for the count, with {count} written as the language writes numbers', () => {
    expect(translatePlural('en', 'board.count', 1)).toBe('1 measure')
    expect(translatePlural('en', 'board.count', 0)).toBe('0 measures')
    expect(translatePlural('en', 'board.count', 12345)).toBe('12,345 measures')
    expect(translatePlural('zh-Hant', 'board.count', 1)).toBe('1 項措施')
    expect(translatePlural('zh-Hans', 'board.count', 3)).toBe('3 项措施')
    expect(formatCount('en', 1234.5)).toBe('1,234.5')
  })

  it('falls back to the `other` form when the language has no form for the category', () => {
    expect(pluralKey('en', 'board.count', 1)).toBe('board.count.one')
    expect(pluralKey('zh-Hant', 'board.count', 1)).toBe('board.count.other')
    // A category no message file has (Welsh-style "two") would come back as `other`.
    expect(pluralKey('en', 'no.such.message', 1)).toBe('no.such.message.other')
  })

  it('keeps other parameters, and a counted phrase can be a parameter of another', () => {
    const days = translatePlural('en', 'common.days', 1)
    expect(translatePlural('en', 'upcoming.count', 2, { days })).toBe('2 deadlines in the next 1 day')
    expect(translatePlural('zh-Hans', 'upcoming.count', 2, { days: translatePlural('zh-Hans', 'common.days', 30) })).toBe(
      '未来 30 天内有 2 个期限',
    )
  })

  it('gives text written in one language only its form too', () => {
    const forms = { one: '{count} row of {table}', other: '{count} rows of {table}' }
    expect(pluralText('en', 1, forms, { table: 'events' })).toBe('1 row of events')
    expect(pluralText('en', 2500, forms, { table: 'events' })).toBe('2,500 rows of events')
    expect(pluralText('en', 1, { other: '{count} items' })).toBe('1 items')
  })
})
