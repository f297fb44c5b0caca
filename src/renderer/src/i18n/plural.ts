// Plurals in components: the shared rule (shared/i18n/plural.ts — one key per CLDR category,
// chosen by Intl.PluralRules) over vue-i18n's `t`, so the text follows the page's language.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../shared/domain.ts'
import { formatCount, pluralKey } from '../../../shared/i18n/plural.ts'

export type PluralTranslate = (key: string, count: number, params?: Record<string, string | number>) => string

/** `tp('board.count', 3)` → the `board.count.other` message with {count} = "3". */
export function useUiText() {
  const { t, locale } = useI18n()
  const current = computed(() => locale.value as Locale)
  const tp: PluralTranslate = (key, count, params = {}) =>
    t(pluralKey(current.value, key, count), { ...params, count: formatCount(current.value, count) })
  return { t, tp, locale: current }
}
