// Which language the UI starts in, and remembering the person's choice.
import { LOCALES, type Locale } from '../../../shared/domain.ts'

export const LOCALE_STORAGE_KEY = 'measure-tracker.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** zh-TW, zh-HK, zh-MO and zh-Hant-* read Traditional; other Chinese reads Simplified; else English. */
export function localeFromLanguageTag(tag: string | undefined): Locale {
  const lower = (tag ?? '').toLowerCase()
  if (lower !== 'zh' && !lower.startsWith('zh-')) return 'en'
  // An explicit script decides; otherwise the regions that write Traditional characters.
  if (/-hans\b/.test(lower)) return 'zh-Hans'
  if (/-hant\b/.test(lower) || /-(tw|hk|mo)\b/.test(lower)) return 'zh-Hant'
  return 'zh-Hans'
}

function savedLocale(storage: Storage | undefined): Locale | null {
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY)
    return isLocale(saved) ? saved : null
  } catch {
    // Storage can be disabled (privacy settings); the language then simply is not remembered.
    return null
  }
}

export function initialLocale(storage: Storage | undefined, language: string | undefined): Locale {
  return savedLocale(storage) ?? localeFromLanguageTag(language)
}

export function saveLocale(storage: Storage | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // See savedLocale: not remembering is the only consequence.
  }
}
