// Message lookup for hosts without vue-i18n (command line, reports): the same JSON files, read by
// the same parser the renderer uses (message-format.ts), so every side speaks the same words.
import en from './en.json' with { type: 'json' }
import zhHant from './zh-Hant.json' with { type: 'json' }
import zhHans from './zh-Hans.json' with { type: 'json' }
import type { Locale } from '../domain.ts'
import { formatMessage, parseMessage } from './message-format.ts'

export const MESSAGES = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans } as const

type Tree = { [key: string]: string | Tree }

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Whether `locale`'s own file has the message `key` (no fallback). */
export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(MESSAGES[locale] as Tree, key) !== undefined
}

/** Translates `key` in `locale`, falling back to English, then to the key itself. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(MESSAGES[locale] as Tree, key) ?? lookup(MESSAGES.en as Tree, key) ?? key
  return formatMessage(parseMessage(template), (name) => (Object.hasOwn(params, name) ? params[name] : undefined))
}

export type Translate = (key: string, params?: Record<string, string | number>) => string
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params)
