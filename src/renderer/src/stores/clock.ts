// The page's one clock. Every countdown reads `reference` from here; nothing else keeps a timer,
// so a tick costs one reactive write and only rendered rows (the list is virtualized) recompute.
// When the board is shown "as of" another instant, `reference` is that instant and stays still.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { epochMs } from '../../../shared/time.ts'

export const TICK_MS = 1000
/** How far past a whole second a tick may land before the clock re-aligns. */
const DRIFT_MS = 100

export const useClockStore = defineStore('clock', () => {
  const now = shallowRef(Date.now())
  /** RFC 9557 instant the app is showing, or null for now. */
  const asOf = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  const asOfMs = computed(() => (asOf.value === null ? null : epochMs(asOf.value)))
  /** The instant countdowns count from: now, or the fixed as-of instant. */
  const reference = computed(() => asOfMs.value ?? now.value)

  // Ticks land on the system clock's whole seconds, so a countdown's seconds change when the
  // clock's do: a timeout to the next second, then an interval. The interval keeps its phase on
  // the engine's monotonic clock, so when the wall clock moves (NTP, sleep and resume) the phase
  // drifts from the second; a tick that finds itself more than DRIFT_MS past it re-aligns.
  function alignToNextSecond(): void {
    timer = setTimeout(
      () => {
        now.value = Date.now()
        timer = setInterval(tick, TICK_MS)
      },
      TICK_MS - (Date.now() % TICK_MS),
    )
  }

  function tick(): void {
    now.value = Date.now()
    if (now.value % TICK_MS > DRIFT_MS) {
      stop()
      alignToNextSecond()
    }
  }

  function start(): void {
    if (timer !== null) return
    now.value = Date.now()
    alignToNextSecond()
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
