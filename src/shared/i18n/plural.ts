// Plural forms, one rule for every side (renderer, command line, reports, calendar, notifications):
// a message that counts something has one key per CLDR plural category of its language — English
// `x.one` and `x.other`, Chinese only `x.other` — and the category is chosen by Intl.PluralRules.
// Never a "(s)" suffix, never `count === 1 ? … : …`. Where a number sits beside another noun (the
// "30 days" in "5 deadlines in the next 30 days") that phrase is a plural message of its own
// (`common.days`) passed in as a parameter.
import type { Locale } from '../domain.ts'
import { formatMessage, parseMessage } from './message-format.ts'
import { hasMessage, translate } from './translate.ts'

export type PluralCategory = Intl.LDMLPluralRule
/** The forms of a text written in one language only, one per CLDR category it needs. */
export type PluralForms = { readonly other: string } & { readonly [category in PluralCategory]?: string }

const rules = new Map<string, Intl.PluralRules>()
const numbers = new Map<string, Intl.NumberFormat>()

export function pluralCategory(locale: string, count: number): PluralCategory {
  let rule = rules.get(locale)
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)))
  return rule.select(count)
}

/** A count as the language writes numbers ("1,234"). */
export function formatCount(locale: string, count: number): string {
  let format = numbers.get(locale)
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)))
  return format.format(count)
}

/**
 * The key of the form of `key` for `count`: `key.<category>` when that form exists (in the
 * language's file, or in English's, which translate() falls back to), else `key.other`.
 */
export function pluralKey(locale: Locale, key: string, count: number): string {
  const form = `${key}.${pluralCategory(locale, count)}`
  return hasMessage(locale, form) || hasMessage('en', form) ? form : `${key}.other`
}

/** `translatePlural('en', 'board.count', 3)` → "3 measures": the form for the count, {count} filled in. */
export function translatePlural(locale: Locale, key: string, count: number, params: Record<string, string | number> = {}): string {
  return translate(locale, pluralKey(locale, key, count), { ...params, count: formatCount(locale, count) })
}

/**
 * For text that exists in one language only (the service's error messages, the command line's
 * backup commands): the form for the count's category, {count} and `params` filled in.
 * `pluralText('en', 1, { one: '{count} row', other: '{count} rows' })` → "1 row".
 */
export function pluralText(locale: string, count: number, forms: PluralForms, params: Record<string, string | number> = {}): string {
  const form = forms[pluralCategory(locale, count)] ?? forms.other
  const values: Record<string, string | number> = { ...params, count: formatCount(locale, count) }
  return formatMessage(parseMessage(form), (name) => (Object.hasOwn(values, name) ? values[name] : undefined))
}
