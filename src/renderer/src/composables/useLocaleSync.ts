// Keeps what sits outside Vue in step with the UI language: <html lang> (screen readers and CJK
// font selection use it) and the remembered choice.
import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../shared/domain.ts'
import { saveLocale } from '../i18n/locale.ts'
import { browserStorage } from '../logic/storage.ts'

export function useLocaleSync(): void {
  const { locale } = useI18n()
  watch(
    locale,
    (value, previous) => {
      document.documentElement.lang = value
      // The first run only reflects the starting language; remember choices, not defaults.
      if (previous !== undefined) saveLocale(browserStorage(), value as Locale)
    },
    { immediate: true },
  )
}
