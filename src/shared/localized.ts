// A measure's own text (title, a commitment's unit) in the reader's language. The one rule, used by
// the renderer, the command line, reports, the calendar and notifications:
//   the text in the language asked for → English → any other language that has text → ''.
// An empty or blank translation counts as missing: an imported file may carry `"zh-Hant": ""`, and
// a blank title is never what a reader should see.
// No fallback between the Chinese scripts: as in CLDR (zh-Hant's parent is root, not zh), a
// Traditional reader gets English, not Simplified — the same fallback the UI's own messages follow
// (translate() and vue-i18n both fall back to English), and English is the one language every
// measure must have.
import { LOCALES, type Locale, type LocalizedText } from './domain.ts'

const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== ''

export function localizedText(text: LocalizedText, locale: Locale): string {
  const asked = text[locale]
  if (present(asked)) return asked
  if (present(text.en)) return text.en
  // Unreachable for validated data (English is required); keeps the answer a real text anyway.
  for (const other of LOCALES) if (present(text[other])) return text[other]
  return ''
}
