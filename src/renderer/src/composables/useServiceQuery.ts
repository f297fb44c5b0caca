// Call the service, track loading and error, ignore stale answers: the one way the renderer loads
// data (the board, the measure page, note search, Needs review, Upcoming, the report preview, …).
// Every load is numbered; an answer is applied only when no later load (or cancel) has started
// since, so a slow answer for an older as-of instant, search text or measure never replaces a
// newer one, and `loading` stays true until the newest load has answered.
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Input, MethodName, Output } from '../../../shared/api.ts'
import { fail, ok, type ApiError, type Result } from '../../../shared/result.ts'
import { useClient } from '../api/client.ts'

export interface LatestQuery<T, A extends unknown[] = []> {
  /** The newest answer's value; null before the first success. A failed load keeps the last value. */
  data: ShallowRef<T | null>
  /** From the start of a load until the newest load has answered (or was cancelled). */
  loading: Readonly<Ref<boolean>>
  /** Why the newest load failed; null again once one succeeds. */
  error: Readonly<ShallowRef<ApiError | null>>
  /** Whether a load has succeeded (and `reset` has not forgotten it since). */
  loaded: ComputedRef<boolean>
  /**
   * Starts a load. Resolves to its Result once applied, or to null when a later load or `cancel`
   * superseded it (its answer was dropped). Never rejects: a throw becomes an INTERNAL failure.
   */
  run(...args: A): Promise<Result<T> | null>
  /** Starts a load nobody waits for: its answer lands in `data` or `error` (`run` never rejects). */
  refresh(...args: A): void
  /** Drops the answer in flight, if any. */
  cancel(): void
  /** `cancel`, and forget the value and the error (e.g. another measure is shown now). */
  reset(): void
}

export interface LatestOptions<T> {
  /** Called with the newest answer just before it is applied (never for a dropped one). */
  onAnswer?: (result: Result<T>) => void
}

/** The pattern over any task answering a Result (a service call, or a call and what follows it). */
export function latestResult<T, A extends unknown[] = []>(
  task: (...args: A) => Promise<Result<T>>,
  options: LatestOptions<T> = {},
): LatestQuery<T, A> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)
  let latest = 0

  async function run(...args: A): Promise<Result<T> | null> {
    const mine = ++latest
    loading.value = true
    let result: Result<T>
    try {
      result = await task(...args)
    } catch (thrown) {
      // Transports answer failed Results rather than throwing; this keeps `loading` honest anyway.
      result = fail('INTERNAL', thrown instanceof Error ? thrown.message : String(thrown))
    }
    if (mine !== latest) return null
    loading.value = false
    options.onAnswer?.(result)
    if (result.ok) {
      data.value = result.value
      error.value = null
    } else error.value = result.error
    return result
  }

  function refresh(...args: A): void {
    // eslint-disable-next-line @typescript-eslint/no-floating-promises -- run turns every throw into a failed Result
    void run(...args)
  }

  function cancel(): void {
    latest++
    loading.value = false
  }

  function reset(): void {
    cancel()
    data.value = null
    error.value = null
  }

  return { data, loading, error, loaded: computed(() => data.value !== null), run, refresh, cancel, reset }
}

/**
 * One service method as a query: `input` builds the method's input from `run`'s arguments (read
 * the current as-of instant, id or text there). Components get their data through this (or a store
 * built on it), never from the client directly. `map` turns the service's value (and the arguments
 * it answers) into what is kept.
 */
export function useServiceQuery<M extends MethodName, A extends unknown[] = [], T = Output<M>>(
  method: M,
  input: (...args: A) => Input<M>,
  options: LatestOptions<T> & { map?: (value: Output<M>, ...args: A) => T } = {},
): LatestQuery<T, A> {
  const { map } = options
  const call = (...args: A) => useClient().call(method, input(...args))
  // Without `map`, T is the method's output (its default).
  if (!map) return latestResult(call as (...args: A) => Promise<Result<T>>, options)
  return latestResult(
    (...args: A) => call(...args).then((result): Result<T> => (result.ok ? ok(map(result.value, ...args)) : result)),
    options,
  )
}
