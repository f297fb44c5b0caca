// Watching official sources (issue 16): Settings → Network (what is contacted, when, the switches,
// check now and cancel), the feeds, a measure's watch terms, and the items found (on the measure
// page and in Needs review). The page only asks: the host's check runner contacts the network.
import { computed } from 'vue'
import type { Input } from '../../../shared/api.ts'
import { useClient } from '../api/client.ts'
import { keepAnswerIn } from './keepAnswer.ts'
import { useServiceQuery } from './useServiceQuery.ts'

export function useWatchStatus() {
  const query = useServiceQuery('watch.status', () => ({}))
  const keep = keepAnswerIn(query)
  const client = () => useClient()
  return {
    status: computed(() => query.data.value),
    load: () => query.run(),
    setFederalRegister: async (on: boolean) => keep(await client().call('watch.configure', { federalRegister: on })),
    addFeed: async (feed: Input<'watch.addFeed'>) => keep(await client().call('watch.addFeed', feed)),
    setFeedEnabled: async (id: string, enabled: boolean) => keep(await client().call('watch.setFeedEnabled', { id, enabled })),
    removeFeed: async (id: string) => keep(await client().call('watch.removeFeed', { id })),
    checkNow: async () => keep(await client().call('watch.checkNow', {})),
    cancel: async () => keep(await client().call('watch.cancel', {})),
  }
}

/** Open items of one measure, or of every measure (Needs review). */
export function useWatchHits() {
  const query = useServiceQuery('watch.hits', (measureId?: string) => (measureId ? { measureId } : {}))
  return {
    hits: computed(() => query.data.value ?? []),
    load: (measureId?: string) => query.run(measureId),
    dismiss: (measureId: string, hitId: string) => useClient().call('watch.dismiss', { measureId, hitId }),
  }
}
