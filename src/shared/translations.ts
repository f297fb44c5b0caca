// A measure's words in the reader's language, for the fields whose English is the field itself and
// whose Chinese sits beside it in `translations` (domain.ts): short name, authority, instrument,
// scope, summary, an event's note and scope, a source's title. Every reader — the board, the
// measure page, reports, the command line, the calendar — goes through `fieldText` and then the one
// fallback rule, `localizedText` (asked language, else English).
import type { ChineseText, Locale, LocalizedText } from './domain.ts'
import { localizedText } from './localized.ts'

/** The English of a field and its Chinese as one localized text (the shape a title has). */
export function fieldText(english: string, chinese: ChineseText | undefined): LocalizedText {
  return chinese === undefined ? { en: english } : { ...chinese, en: english }
}

/** Anything with translatable fields: a measure, a board row, an event, a source. */
type Translatable<F extends string> = { [K in F]: string | null } & { translations?: Partial<Record<F, ChineseText>> }

/** One field of `owner` in the reader's language ('' for a null field without Chinese). */
export function translatedField<F extends string>(owner: Translatable<F>, field: F, locale: Locale): string {
  return localizedText(fieldText(owner[field] ?? '', owner.translations?.[field]), locale)
}

/**
 * Whether what a reader of `locale` is shown for `text` is the app's conversion from the other
 * Chinese script rather than a person's words (so the UI can say so).
 */
export function isMachineConverted(text: LocalizedText | ChineseText | undefined, locale: Locale): boolean {
  if (text === undefined || text.converted !== locale) return false
  const value = text[locale]
  return value !== undefined && value.trim() !== ''
}

/** What a scope-in-force needs of a measure: its own scope and the events that may have amended it. */
interface ScopeSource {
  scope: string
  translations?: { scope?: ChineseText }
  events: readonly { scope: string | null; translations?: { scope?: ChineseText } }[]
  state: { scope: string }
}

/**
 * The scope in force (the status engine's `state.scope`: the latest amendment's, else the
 * measure's own) with its Chinese: the engine answers the English text, so its Chinese is that of
 * the latest event that gave this text, or the measure's own.
 */
export function scopeInForce(measure: ScopeSource): LocalizedText {
  const english = measure.state.scope || measure.scope
  if (english === measure.scope) return fieldText(measure.scope, measure.translations?.scope)
  const amending = measure.events.findLast((event) => event.scope === english)
  return fieldText(english, amending?.translations?.scope)
}

/** Whether a text has words in any language (a field may be left blank in English and filled in Chinese). */
export function hasText(text: LocalizedText): boolean {
  return [text.en, text['zh-Hant'], text['zh-Hans']].some((value) => value !== undefined && value.trim() !== '')
}
