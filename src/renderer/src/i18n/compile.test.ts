// The renderer's vue-i18n and the shared translate() read every message the same way.
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../../shared/domain.ts'
import { MESSAGES, translate } from '../../../shared/i18n/translate.ts'
import { createAppI18n } from './index.ts'

type Tree = { [key: string]: string | Tree }
const entries = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`),
  )

describe('one message parser', () => {
  it('gives the same text in the app as on the command line for every message, with and without parameters', () => {
    for (const locale of LOCALES) {
      const { t } = createAppI18n(locale).global
      for (const [key, message] of entries(MESSAGES[locale] as Tree)) {
        const names = [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1])
        const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]))
        expect(t(key, params), `${locale} ${key}`).toBe(translate(locale, key, params))
        expect(t(key), `${locale} ${key} without parameters`).toBe(translate(locale, key))
      }
    }
  })

  it('reads a literal and a stray brace alike', () => {
    const i18n = createAppI18n('en')
    i18n.global.mergeLocaleMessage('en', { test: { literal: "a {'@'} {'{'}x{'}'} { b", named: 'x { n } y' } })
    expect(i18n.global.t('test.literal')).toBe('a @ {x} { b')
    expect(i18n.global.t('test.named', { n: 5 })).toBe('x 5 y')
    expect(i18n.global.t('test.named')).toBe('x {n} y')
  })
})
