// The page's one clock. Every countdown reads `reference` from here; nothing else keeps a timer,
// so a tick costs one reactive write and only rendered rows (the list is virtualized) recompute.
// When the board is shown "as of" another instant, `reference` is that instant and stays still.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { epochMs } from '../../../shared/time.ts'

export const TICK_MS = 1000

export const useClockStore = defineStore('clock', () => {
  const now = shallowRef(Date.now())
  /** RFC 9557 instant the app is showing, or null for now. */
  const asOf = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  const asOfMs = computed(() => (asOf.value === null ? null : epochMs(asOf.value)))
  /** The instant countdowns count from: now, or the fixed as-of instant. */
  const reference = computed(() => asOfMs.value ?? now.value)

  function tick(): void {
    now.value = Date.now()
  }

  function start(): void {
    if (timer !== null) return
    now.value = Date.now()
    // The first tick lands on the system clock's next whole second, then one every second: a
    // countdown's seconds change when the clock's do, not up to a second later.
    timer = setTimeout(() => {
      tick()
      timer = setInterval(tick, TICK_MS)
    }, TICK_MS - (now.value % TICK_MS))
  }

  function stop(): void {
    // One id space for timeouts and intervals (HTML): clearTimeout ends either.
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function setAsOf(value: string | null): void {
    asOf.value = value
  }

  return { now, asOf, asOfMs, reference, start, stop, setAsOf }
})
