// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import CountdownText from './CountdownText.vue'
import { useClockStore } from '../stores/clock.ts'
import { harness, mountIn } from '../test/harness.ts'

// happy-dom computes no intersections: this stand-in lets a test say when an element scrolls out
// of view and back, as the browser's observer would.
const observers = vi.hoisted(() => {
  const all: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = []
  class FakeIntersectionObserver {
    private readonly entry: (typeof all)[number]
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: new Set() }
      all.push(this.entry)
    }
    observe(target: Element) {
      this.entry.targets.add(target)
    }
    unobserve(target: Element) {
      this.entry.targets.delete(target)
    }
    disconnect() {
      this.entry.targets.clear()
    }
  }
  globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver
  return {
    observed: () => all.flatMap((o) => [...o.targets]),
    setVisible(target: Element, visible: boolean) {
      for (const o of all) {
        if (o.targets.has(target))
          o.callback([{ target, isIntersecting: visible } as IntersectionObserverEntry], o as unknown as IntersectionObserver)
      }
    },
  }
})

const NOW = Date.UTC(2026, 10, 9, 17, 0, 0)
const DAY = 86_400_000

// Each mount has its own store (harness), so its own clock: all are stopped after each test.
const clocks: ReturnType<typeof useClockStore>[] = []

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => {
  for (const clock of clocks.splice(0)) clock.stop()
  vi.useRealTimers()
})

function mountCountdown(atMs: number, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  const h = harness({ locale })
  const clock = useClockStore()
  clocks.push(clock)
  clock.start()
  const wrapper = mountIn(h, CountdownText, { props: { atMs } })
  const numeric = () => wrapper.get('.numeric').element as HTMLElement
  return { h, clock, wrapper, numeric }
}

async function tick(seconds = 1) {
  vi.advanceTimersByTime(seconds * 1000)
  await nextTick()
}

describe('countdown text', () => {
  it('counts down every second within the last day, and from a new deadline when the row it sits in is reused', async () => {
    const { wrapper, numeric } = mountCountdown(NOW + 3_600_000 + 65_000)
    expect(numeric().textContent).toBe('1h 1m 5s')
    await tick()
    expect(numeric().textContent).toBe('1h 1m 4s')
    await wrapper.setProps({ atMs: NOW + 1000 + 3 * DAY })
    expect(numeric().textContent).toBe('3d 0h')
    expect(wrapper.get('.urgency-label').text()).toContain('Within 7 days')
  })

  it('fits its precision to the horizon: months far away, hours and minutes within days, seconds in the last day', async () => {
    const far = mountCountdown(Date.UTC(2027, 2, 19, 17, 0, 0))
    expect(far.numeric().textContent).toBe('4mo 10d')
    const days = mountCountdown(NOW + 12 * DAY + 5 * 3_600_000 + 59_000)
    expect(days.numeric().textContent).toBe('12d 5h')
    const { numeric } = mountCountdown(NOW + DAY + 2000)
    expect(numeric().textContent).toBe('1d 0h 0m')
    await tick(3)
    expect(numeric().textContent).toBe('23h 59m 59s')
    expect(days.numeric().textContent).toBe('12d 5h')
  })

  it('gives screen readers the minute-precise text while the seconds tick', async () => {
    const { wrapper, numeric } = mountCountdown(NOW + 2 * 3_600_000 + 61_000)
    await nextTick()
    expect(numeric().getAttribute('aria-hidden')).toBe('true')
    expect(wrapper.get('.visually-hidden').text()).toBe('0d 2h 1m')
    await tick(2)
    expect(wrapper.get('.visually-hidden').text()).toBe('0d 2h 0m')
    const far = mountCountdown(NOW + 10 * DAY)
    await nextTick()
    expect(far.numeric().getAttribute('aria-hidden')).toBeNull()
    expect(far.wrapper.get('.visually-hidden').text()).toBe('')
  })

  it('speaks the chosen language, follows a switch, and says how long ago a passed deadline was', async () => {
    const { h, numeric } = mountCountdown(NOW + 5000, 'zh-Hant')
    expect(numeric().textContent).toBe('0時 0分 5秒')
    h.i18n.global.locale.value = 'en'
    await nextTick()
    expect(numeric().textContent).toBe('0h 0m 5s')
    expect(mountCountdown(NOW - 65_000).numeric().textContent).toBe('0h 1m 5s ago')
  })

  it('shows "within 7 days" in words the moment the deadline comes that close', async () => {
    const { wrapper } = mountCountdown(NOW + 7 * DAY + 2000)
    expect(wrapper.find('.urgency-label').text()).toContain('Within 30 days')
    await tick(3)
    expect(wrapper.get('.urgency-label').text()).toContain('Within 7 days')
    expect(wrapper.classes()).toContain('urgency-week')
  })

  it('out of view drops its seconds, and shows them again back in view', async () => {
    const { numeric } = mountCountdown(NOW + 2 * 3_600_000 + 61_000)
    expect(numeric().textContent).toBe('2h 1m 1s')
    observers.setVisible(numeric(), false)
    await nextTick()
    // What a screen reader or find-in-page reads there stays true, to the minute.
    expect(numeric().textContent).toBe('0d 2h 1m')
    await tick(5)
    expect(numeric().textContent).toBe('0d 2h 0m')
    await tick(60)
    expect(numeric().textContent).toBe('0d 1h 59m')
    observers.setVisible(numeric(), true)
    await nextTick()
    expect(numeric().textContent).toBe('1h 59m 56s')
  })

  it('holds still at an as-of instant, moves when the as-of instant does, and lets go of its element when unmounted', async () => {
    const { clock, wrapper, numeric } = mountCountdown(NOW + 60_000)
    clock.setAsOf('2026-11-09T16:59:00+00:00[UTC]')
    await nextTick()
    expect(numeric().textContent).toBe('0h 2m 0s')
    await tick(3)
    expect(numeric().textContent).toBe('0h 2m 0s')
    clock.setAsOf('2026-10-09T16:59:00+00:00[UTC]')
    await nextTick()
    expect(numeric().textContent).toBe('31d 0h')
    const element = numeric()
    wrapper.unmount()
    expect(observers.observed()).not.toContain(element)
  })
})
