// What the Settings panels that show something the host keeps (backups, the calendar
// subscription, network use, updates) share: the section's alert text for a failed load, a load
// that runs at once and — where the data can change elsewhere — again on every live refresh, and
// instants written in the reader's zone and language.
import { ref, watch, type Ref } from 'vue'
import type { Locale } from '../../../shared/domain.ts'
import { formatInstant } from '../../../shared/format.ts'
import type { Result } from '../../../shared/result.ts'
import { useUiText } from '../i18n/plural.ts'
import { userZone } from '../logic/zone.ts'
import { useRefreshStore } from '../stores/refresh.ts'
import { inBackground } from './inBackground.ts'

export interface SettingsPanel {
  /** The section's alert: a failed load or change, else ''. */
  error: Ref<string>
  /** Loads again (null from the loader: nothing to show, e.g. not in the desktop app). */
  load(): Promise<void>
  /** An ISO instant as the reader reads it. */
  when(iso: string): string
}

export function useSettingsPanel(loadFrom: () => Promise<Result<unknown> | null>, options: { onRefresh: boolean }): SettingsPanel {
  const { t, locale } = useUiText()
  const error = ref('')
  async function load(): Promise<void> {
    const result = await loadFrom()
    if (result === null) return
    error.value = result.ok ? '' : t('common.loadFailed', { message: result.error.message })
  }
  if (options.onRefresh) {
    // Another window or process may change what the panel shows: load again on every live refresh.
    const refresh = useRefreshStore()
    watch(
      () => refresh.version,
      () => inBackground(load()),
      { immediate: true },
    )
  } else {
    inBackground(load())
  }
  const when = (iso: string) => formatInstant(Date.parse(iso), userZone(), locale.value as Locale)
  return { error, load, when }
}
