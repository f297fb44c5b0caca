// Plurals without vue-i18n's `a | b` syntax (which the shared translate() used by the command line
// does not read): a message has one key per CLDR plural category, e.g. `x.one` and `x.other`;
// Chinese needs only `other`.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../shared/domain.ts'

const rules = new Map<string, Intl.PluralRules>()
const numbers = new Map<string, Intl.NumberFormat>()

export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(locale)
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)))
  return rule.select(count)
}

export function formatCount(locale: string, count: number): string {
  let format = numbers.get(locale)
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)))
  return format.format(count)
}

export type PluralTranslate = (key: string, count: number, params?: Record<string, string | number>) => string

/** `tp('board.count', 3)` → the `board.count.other` message with {count} = "3". */
export function useUiText() {
  const { t, te, locale } = useI18n()
  const current = computed(() => locale.value as Locale)
  const tp: PluralTranslate = (key, count, params = {}) => {
    const category = pluralCategory(current.value, count)
    const chosen = te(`${key}.${category}`) || te(`${key}.${category}`, 'en') ? `${key}.${category}` : `${key}.other`
    return t(chosen, { ...params, count: formatCount(current.value, count) })
  }
  return { t, tp, locale: current }
}
