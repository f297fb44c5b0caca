// The UI's message catalogues (src/shared/i18n), so specs can name controls in each language
// exactly as the app does: `m('zh-Hant', 'board.title')` → "狀態總覽".
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export type UiLocale = 'en' | 'zh-Hant' | 'zh-Hans'

const catalogues = new Map<UiLocale, Record<string, unknown>>()

function catalogue(locale: UiLocale): Record<string, unknown> {
  let messages = catalogues.get(locale)
  if (!messages)
    catalogues.set(
      locale,
      (messages = JSON.parse(
        readFileSync(fileURLToPath(new URL(`../../src/shared/i18n/${locale}.json`, import.meta.url)), 'utf8'),
      ) as Record<string, unknown>),
    )
  return messages
}

/** The message at `key` (dot path) in `locale`, with `{name}` placeholders filled from `params`. */
export function m(locale: UiLocale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogue(locale)
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${locale}`)
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
