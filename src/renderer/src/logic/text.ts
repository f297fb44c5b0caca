// Picking the right language of a measure's own text.
import type { Locale, LocalizedText } from '../../../shared/domain.ts'

/** The title in the UI language, else English (the one language every measure has). */
export function titleOf(title: LocalizedText, locale: Locale): string {
  const localized = title[locale]
  return localized !== undefined && localized.trim() !== '' ? localized : title.en
}
