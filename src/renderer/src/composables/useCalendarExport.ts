// "Export calendar (.ics)": the service writes the calendar (every measure, or one) in the UI
// language, and the client saves it — a save dialog in the desktop app, a download in a browser.
// Used by the board's button, the measure page's button and the menu command 'export-ics'.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../shared/domain.ts'
import { useClient } from '../api/client.ts'
import { useToastStore } from '../stores/toasts.ts'

export function useCalendarExport() {
  const { locale } = useI18n()
  const toasts = useToastStore()
  const busy = ref(false)

  /** Resolves to the saved path, or null when it failed or the person cancelled the dialog. */
  async function exportCalendar(measureId?: string): Promise<string | null> {
    if (busy.value) return null
    busy.value = true
    try {
      const client = useClient()
      const file = await client.call('calendar.export', { ...(measureId ? { measureId } : {}), locale: locale.value as Locale })
      if (!file.ok) {
        toasts.show({ messageKey: 'calendarExport.failed', params: { message: file.error.message }, tone: 'error' })
        return null
      }
      const saved = await client.saveFile({ filename: file.value.filename, mimeType: file.value.mimeType, content: file.value.content })
      if (!saved.ok) {
        toasts.show({ messageKey: 'calendarExport.failed', params: { message: saved.error.message }, tone: 'error' })
        return null
      }
      if (saved.value === null) return null
      toasts.show({ messageKey: 'calendarExport.saved', params: { path: saved.value.path } })
      return saved.value.path
    } finally {
      busy.value = false
    }
  }

  return { exportCalendar, busy }
}
