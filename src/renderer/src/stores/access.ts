// Whether changes can be made now — the one rule every change control asks (issue 17):
// - the store is read-only (a file the app may not write, or a team database role granted only
//   SELECT): meta.info says so and why;
// - the team database's server cannot be reached: a call answered STORAGE with
//   details.unreachable. The pages keep what they last loaded; the app asks again by itself with
//   back-off (2 s, 4 s, 8 s … at most 60 s) or when the user says "Retry now", and when the
//   server answers it refreshes everything (recoveries, watched by useLiveRefresh).
// A control that cannot change anything now is disabled and points (aria-describedby) at the
// banner that says why: CHANGE_BLOCKED_ID.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MethodName } from '../../../shared/api.ts'
import type { Result } from '../../../shared/result.ts'
import { observeCalls, useClient } from '../api/client.ts'
import { inBackground } from '../composables/inBackground.ts'

/** The id of the element that says why changes cannot be made (the banners). */
export const CHANGE_BLOCKED_ID = 'change-blocked-reason'

export const FIRST_RETRY_MS = 2_000
export const MAX_RETRY_MS = 60_000

/** The wait before retry number `attempt` (0-based): 2 s, doubled each time, at most 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt)
}

export function isUnreachable(result: Result<unknown>): boolean {
  if (result.ok || result.error.code !== 'STORAGE') return false
  return (result.error.details as { unreachable?: unknown } | undefined)?.unreachable === true
}

export const useAccessStore = defineStore('access', () => {
  const client = useClient()
  const readOnlyReason = ref<string | null>(null)
  /** When the last call answered (the age of what is shown while the server is away). */
  const answeredAt = ref<number | null>(null)
  /** Since when the server cannot be reached; null while it can. */
  const unreachableSince = ref<number | null>(null)
  /** When the next automatic retry runs. */
  const nextRetryAt = ref<number | null>(null)
  /** Bumped each time the server is reached again: everything on screen reloads (useLiveRefresh). */
  const recoveries = ref(0)
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopObserving: (() => void) | null = null

  const unreachable = computed(() => unreachableSince.value !== null)
  const canChange = computed(() => readOnlyReason.value === null && !unreachable.value)

  function schedule(): void {
    if (timer !== null) clearTimeout(timer)
    const delay = retryDelayMs(attempt++)
    nextRetryAt.value = Date.now() + delay
    timer = setTimeout(() => {
      timer = null
      inBackground(retryNow())
    }, delay)
  }

  function lost(): void {
    if (unreachableSince.value !== null) return
    unreachableSince.value = Date.now()
    attempt = 0
    schedule()
  }

  function reached(): void {
    answeredAt.value = Date.now()
    if (unreachableSince.value === null) return
    unreachableSince.value = null
    nextRetryAt.value = null
    attempt = 0
    if (timer !== null) clearTimeout(timer)
    timer = null
    recoveries.value++
  }

  function observe(method: MethodName, result: Result<unknown>): void {
    if (isUnreachable(result)) lost()
    else if (result.ok) {
      reached()
      if (method === 'meta.info') readOnlyReason.value = (result.value as { readOnlyReason: string | null }).readOnlyReason
    }
  }

  /** Asks the store now (meta.info: cheap, and it says whether changes are allowed). */
  async function retryNow(): Promise<void> {
    const result = await client.call('meta.info', {})
    // observe() has already seen the answer; still away: try again later, a little later each time.
    if (isUnreachable(result) && timer === null) schedule()
  }

  /** Starts following every call's answer, and asks meta.info once (the app shell, on mount). */
  function start(): void {
    stopObserving ??= observeCalls(observe)
    inBackground(client.call('meta.info', {}))
  }

  function stop(): void {
    stopObserving?.()
    stopObserving = null
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  return { readOnlyReason, answeredAt, unreachableSince, nextRetryAt, recoveries, unreachable, canChange, start, stop, retryNow }
})
