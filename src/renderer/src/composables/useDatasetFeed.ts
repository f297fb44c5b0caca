// The signed dataset feed (issue 16): Settings → Dataset feed (address, trusted key, schedule, Check
// now, the last result) and Settings → Network's line about it. The page only asks: the host's
// check runner fetches and the service verifies. The verified dataset waiting for the review is
// read with `waitingFile` and given to the review like a dataset file.
import { computed } from 'vue'
import type { Input } from '../../../shared/api.ts'
import { useClient } from '../api/client.ts'
import { keepAnswerIn } from './keepAnswer.ts'
import { useServiceQuery } from './useServiceQuery.ts'

/**
 * Where "Review update" goes: the update review, told that its dataset is the feed's waiting one
 * (which it reads with `waitingFeedDataset`).
 */
export const DATASET_REVIEW_ROUTE = { path: '/dataset-update', query: { source: 'feed' } } as const

export function useDatasetFeed() {
  const query = useServiceQuery('datasetFeed.status', () => ({}))
  const keep = keepAnswerIn(query)
  return {
    status: computed(() => query.data.value),
    load: () => query.run(),
    configure: async (settings: Input<'datasetFeed.configure'>) => keep(await useClient().call('datasetFeed.configure', settings)),
    checkNow: async () => keep(await useClient().call('datasetFeed.checkNow', {})),
  }
}

/** The verified dataset from the feed, as the review takes a dataset file (`dataset.diff { file }`). */
export const waitingFeedDataset = () => useClient().call('datasetFeed.waitingFile', {})
