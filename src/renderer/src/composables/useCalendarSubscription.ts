// The subscribable calendar (Settings → Calendar): its language, the file the desktop app keeps up
// to date (chosen through main's save dialog — the page never names a path), and in the browser
// host the address a calendar program subscribes to (its own key; renew or turn off).
import { computed } from 'vue'
import type { CalendarSubscription } from '../../../shared/api-views.ts'
import type { Input } from '../../../shared/api.ts'
import { HTTP_CALENDAR_KEY_PARAM, HTTP_CALENDAR_PATH } from '../../../shared/bridge.ts'
import type { Locale } from '../../../shared/domain.ts'
import type { Result } from '../../../shared/result.ts'
import { useClient } from '../api/client.ts'
import { useServiceQuery } from './useServiceQuery.ts'

/** The browser host's calendar address for `key`, on the origin this page came from. */
export function calendarAddress(origin: string, key: string): string {
  return `${origin}${HTTP_CALENDAR_PATH}?${HTTP_CALENDAR_KEY_PARAM}=${encodeURIComponent(key)}`
}

export function useCalendarSubscription() {
  const query = useServiceQuery('calendar.subscription', () => ({}))

  /** A change's answer is the subscription as it is now: shown at once, an older read in flight dropped. */
  function keep<T extends CalendarSubscription | null>(result: Result<T>): Result<T> {
    if (result.ok && result.value !== null) {
      query.cancel()
      query.data.value = result.value
    }
    return result
  }
  const configure = async (change: Input<'calendar.configureSubscription'>) =>
    keep(await useClient().call('calendar.configureSubscription', change))

  return {
    subscription: computed(() => query.data.value),
    /** The desktop app chooses a file; the browser host offers an address instead. */
    inDesktop: computed(() => useClient().transport === 'electron'),
    /** The address for the current key on this page's origin, or null when the address is off. */
    address: computed(() => {
      const key = query.data.value?.feedKey
      return key ? calendarAddress(window.location.origin, key) : null
    }),
    load: () => query.run(),
    setLanguage: (locale: Locale) => configure({ locale }),
    stopFile: () => configure({ stopFile: true }),
    renewAddress: () => configure({ feed: 'renew' }),
    turnOffAddress: () => configure({ feed: 'off' }),
    /** Desktop: the save dialog; ok(null) when cancelled. */
    chooseFile: async () => keep(await useClient().chooseCalendarFile()),
  }
}
