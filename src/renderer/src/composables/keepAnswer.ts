// For panels whose changes answer with the whole status (watching, the dataset feed): a change's
// answer is the status as it is now, so it is shown at once and an older read still in flight is
// dropped (it would show the state from before the change).
import type { Result } from '../../../shared/result.ts'
import type { LatestQuery } from './useServiceQuery.ts'

export function keepAnswerIn<T>(query: Pick<LatestQuery<T, never[]>, 'cancel' | 'data'>): (result: Result<T>) => Result<T> {
  return (result) => {
    if (result.ok) {
      query.cancel()
      query.data.value = result.value
    }
    return result
  }
}
