// Opening a web link outside the app (the system browser; a new tab in a browser) through the
// client, which refuses anything but http(s). A refusal or failure is said in a toast. Used by
// note Markdown and the measure's source list.
import { useClient } from '../api/client.ts'
import { useToastStore } from '../stores/toasts.ts'

export function useOpenLink(): (url: string) => Promise<void> {
  const toasts = useToastStore()
  return async (url) => {
    const result = await useClient().openExternal(url)
    if (!result.ok) toasts.show({ messageKey: 'measure.sources.openFailed', params: { message: result.error.message }, tone: 'error' })
  }
}
