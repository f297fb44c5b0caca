// Every counted message follows the one plural rule (plural.ts): a group of forms with exactly
// its language's CLDR categories, and nowhere — message files or source — a "measure(s)" or a
// hand-made `count === 1 ? 'x' : 'xs'`.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../domain.ts'
import { MESSAGES } from './translate.ts'

type Tree = { [key: string]: string | Tree }
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other'])
const isPluralGroup = (node: Tree) => 'other' in node && Object.keys(node).every((key) => CATEGORIES.has(key))

function groups(tree: Tree, prefix = ''): [string, string[]][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string[]][] => {
    if (typeof value === 'string') return []
    return isPluralGroup(value) ? [[`${prefix}${key}`, Object.keys(value).sort()]] : groups(value, `${prefix}${key}.`)
  })
}

function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  )
}

// "measure(s)", "event(s)", "match(es)"; not "http(s)", which names two schemes.
const AD_HOC_PLURAL = /(?<!https?)(?<=\p{L})\((?:e?s)\)/u
// A text chosen by whether a number is 1: `n === 1 ? 'row' : 'rows'`.
const HAND_MADE_PLURAL = /[!=]==\s*1\s*\?\s*['"`]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('plural messages', () => {
  it('have exactly the CLDR categories of their language', () => {
    const english = groups(MESSAGES.en as Tree)
    expect(english.length).toBeGreaterThan(10)
    for (const locale of LOCALES) {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort()
      const own = groups(MESSAGES[locale] as Tree)
      expect(
        own.filter(([, keys]) => keys.join() !== categories.join()),
        locale,
      ).toEqual([])
      // The same messages are counted in every language.
      expect(own.map(([key]) => key).sort(), locale).toEqual(english.map(([key]) => key).sort())
    }
  })

  it('never write a plural as "(s)"', () => {
    for (const locale of LOCALES) {
      expect(
        strings(MESSAGES[locale] as Tree).filter(([, text]) => AD_HOC_PLURAL.test(text)),
        locale,
      ).toEqual([])
    }
  })

  it('are never made by hand in the source', () => {
    const root = join(import.meta.dirname, '../..')
    const found: string[] = []
    for (const file of sourceFiles(root)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (AD_HOC_PLURAL.test(line) || HAND_MADE_PLURAL.test(line)) found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })

  it('the scan recognises what it looks for', () => {
    expect(
      ['{count} measure(s)', 'match(es)', 'n === 1 ? "row" : "rows"', "n !== 1 ? 's' : ''"].map(
        (t) => AD_HOC_PLURAL.test(t) || HAND_MADE_PLURAL.test(t),
      ),
    ).toEqual([true, true, true, true])
    expect(
      ['an http(s) URL', 'https(s)', 'row.pinned === 1,', 'band === 1 ? row.next'].map(
        (t) => AD_HOC_PLURAL.test(t) || HAND_MADE_PLURAL.test(t),
      ),
    ).toEqual([false, false, false, false])
  })
})
