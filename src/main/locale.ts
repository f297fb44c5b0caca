// Which of the app's languages the native menu speaks, from the system's preferred languages
// (app.getPreferredSystemLanguages(), falling back to app.getLocale()).
import type { Locale } from '../shared/domain.ts'

/** Regions that write Chinese in traditional characters when the tag names no script. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO'])

/** Maps one BCP 47 tag to an app locale, or null when it is not one the app speaks. */
export function appLocaleOf(tag: string): Locale | null {
  const parts = tag.replace(/_/g, '-').split('-')
  const language = parts[0]?.toLowerCase()
  if (language === 'en') return 'en'
  if (language !== 'zh') return null
  const rest = parts.slice(1)
  const script = rest.find((part) => part.length === 4)?.toLowerCase()
  if (script === 'hant') return 'zh-Hant'
  if (script === 'hans') return 'zh-Hans'
  const region = rest.find((part) => part.length === 2)?.toUpperCase()
  return region && TRADITIONAL_REGIONS.has(region) ? 'zh-Hant' : 'zh-Hans'
}

/** The first preferred language the app speaks; English when none is. */
export function pickAppLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = appLocaleOf(tag)
    if (locale) return locale
  }
  return 'en'
}
