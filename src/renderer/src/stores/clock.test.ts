import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useClockStore } from './clock.ts'

const SECOND = Date.UTC(2026, 10, 9, 17, 0, 0)

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('clock', () => {
  it("ticks on the system clock's whole seconds, with one timer at a time", () => {
    vi.setSystemTime(SECOND + 300)
    const clock = useClockStore()
    clock.start()
    expect(clock.now).toBe(SECOND + 300)
    vi.advanceTimersByTime(699)
    expect(clock.now).toBe(SECOND + 300)
    vi.advanceTimersByTime(1)
    expect(clock.now).toBe(SECOND + 1000)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(1000)
    expect(clock.now).toBe(SECOND + 2000)
    vi.advanceTimersByTime(3000)
    expect(clock.now).toBe(SECOND + 5000)
    expect(vi.getTimerCount()).toBe(1)

    clock.start() // already running: still one timer
    expect(vi.getTimerCount()).toBe(1)
    clock.stop()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(5000)
    expect(clock.now).toBe(SECOND + 5000)
  })

  it('re-aligns to whole seconds when the wall clock moves under it (NTP, sleep and resume)', () => {
    vi.setSystemTime(SECOND)
    const clock = useClockStore()
    clock.start()
    vi.advanceTimersByTime(1000)
    expect(clock.now).toBe(SECOND + 1000)
    vi.setSystemTime(SECOND + 1300) // the system clock is set 300 ms forward
    vi.advanceTimersByTime(1000)
    expect(clock.now).toBe(SECOND + 2300) // the tick finds itself 300 ms past the second...
    vi.advanceTimersByTime(700)
    expect(clock.now).toBe(SECOND + 3000) // ...and the next lands on it again
    vi.advanceTimersByTime(1000)
    expect(clock.now).toBe(SECOND + 4000)
    expect(vi.getTimerCount()).toBe(1)
    clock.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops before its first tick, too', () => {
    vi.setSystemTime(SECOND + 300)
    const clock = useClockStore()
    clock.start()
    clock.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('counts from a fixed as-of instant while one is set', () => {
    vi.setSystemTime(SECOND)
    const clock = useClockStore()
    clock.start()
    clock.setAsOf('2026-11-09T12:00:00-05:00[America/New_York]')
    vi.advanceTimersByTime(3000)
    expect(clock.reference).toBe(SECOND)
    clock.setAsOf(null)
    expect(clock.reference).toBe(SECOND + 3000)
    clock.stop()
  })
})
