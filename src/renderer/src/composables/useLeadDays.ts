// The reminder lead times (days before each scheduled transition): read with reminders.settings,
// changed with reminders.setLeadDays. Settings edits them; Upcoming says which are in use.
import { computed } from 'vue'
import { useClient } from '../api/client.ts'
import { useServiceQuery } from './useServiceQuery.ts'

export function useLeadDays() {
  const settings = useServiceQuery('reminders.settings', () => ({}))

  /** Saves new lead times; once saved they are the ones shown (an older read in flight is dropped). */
  async function save(leadDays: number[]) {
    const result = await useClient().call('reminders.setLeadDays', { leadDays })
    if (result.ok) {
      settings.cancel()
      settings.data.value = result.value
    }
    return result
  }

  return {
    /** The lead times in use; null until the first answer. */
    current: computed(() => settings.data.value?.leadDays ?? null),
    load: () => settings.run(),
    /** `load` for callers that do not wait (a failure leaves `current` as it was). */
    refresh: () => settings.refresh(),
    save,
  }
}
