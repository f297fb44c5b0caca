/**
 * The network half of a dataset feed check, run by the watch runner (core/watch/runner.ts) in the
 * host process and by the CLI: fetch the file and its signature (url + ".sig") with the watch
 * limits — https only, a timeout, a size cap checked on the declared length and while streaming, so
 * an oversized answer is never read whole — and hand the exact bytes to `datasetFeed.record`, where
 * the service verifies them. A cancelled check records nothing.
 */
import { signatureUrlOf } from '../../shared/dataset-feed.ts'
import { SECOND_MS } from '../../shared/time-units.ts'
import type { Service } from '../service/index.ts'
import { WatchFetchError, fetchLimitedBytes, type FetchFunction, type FetchLimits } from '../watch/fetch-limited.ts'

/**
 * A dataset of hundreds of measures is well under a megabyte (the embedded one: 0.3 MB); 50 MB leaves
 * room for a large one and keeps a hostile or mistaken answer (a 200 MB file) from being read.
 */
export const DATASET_FEED_LIMITS: { dataset: FetchLimits; signature: FetchLimits } = {
  dataset: { timeoutMs: 60 * SECOND_MS, maxBytes: 50_000_000 },
  signature: { timeoutMs: 30 * SECOND_MS, maxBytes: 4_000 },
}

export class DatasetFeedCancelled extends Error {}

export interface DatasetFeedFetchOptions {
  service: Pick<Service, 'call'>
  fetch: FetchFunction
  limits?: Partial<typeof DATASET_FEED_LIMITS>
  signal: AbortSignal
}

async function call(service: Pick<Service, 'call'>, input: unknown): Promise<void> {
  const answer = await service.call('datasetFeed.record', input)
  if (!answer.ok) throw new Error(`datasetFeed.record: ${answer.error.message}`)
}

/** One whole check as the service sees it: begun (a request is taken), fetched and recorded, ended. */
export async function runDatasetFeedCheck(url: string, options: DatasetFeedFetchOptions): Promise<void> {
  await call(options.service, { phase: 'begin' })
  try {
    await checkDatasetFeed(url, options)
  } finally {
    await call(options.service, { phase: 'end' })
  }
}

/** Fetches, records the outcome (the service verifies), and throws DatasetFeedCancelled on cancel. */
async function checkDatasetFeed(url: string, options: DatasetFeedFetchOptions): Promise<void> {
  const limits = { ...DATASET_FEED_LIMITS, ...options.limits }
  try {
    if (!url.startsWith('https://')) throw new WatchFetchError('address', `Only https addresses are contacted for the dataset feed: ${url}`)
    const bytes = await fetchLimitedBytes(options.fetch, url, limits.dataset, options.signal, 'application/json')
    let signature: Uint8Array
    try {
      signature = await fetchLimitedBytes(options.fetch, signatureUrlOf(url), limits.signature, options.signal, 'text/plain, */*;q=0.5')
    } catch (error) {
      if (!(error instanceof WatchFetchError) || error.kind === 'cancelled') throw error
      throw new WatchFetchError(error.kind, `The signature (${signatureUrlOf(url)}): ${error.message}`)
    }
    await call(options.service, { phase: 'fetched', url, bytes, signature: new TextDecoder().decode(signature) })
  } catch (error) {
    if (!(error instanceof WatchFetchError)) throw error
    if (error.kind === 'cancelled') throw new DatasetFeedCancelled('The dataset feed check was cancelled.')
    await call(options.service, { phase: 'failed', url, kind: error.kind, message: error.message })
  }
}
