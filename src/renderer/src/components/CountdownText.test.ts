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
        if (o.targets.has(target)) o.callback([{ target, isIntersecting: visible } as IntersectionObserverEntry], o as unknown as IntersectionObserver)
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
  it('counts down every second, and from a new deadline when the row it sits in is reused', async () => {
    const { wrapper, numeric } = mountCountdown(NOW + 2 * DAY + 3_600_000 + 65_000)
    expect(numeric().textContent).toBe('2d 1h 1m 5s')
    await tick()
    expect(numeric().textContent).toBe('2d 1h 1m 4s')
    await wrapper.setProps({ atMs: NOW + 1000 + 3 * DAY })
    expect(numeric().textContent).toBe('3d 0h 0m 0s')
    expect(wrapper.get('.urgency-label').text()).toContain('Within 7 days')
  })

  it('speaks the chosen language, follows a switch, and says how long ago a passed deadline was', async () => {
    const { h, numeric } = mountCountdown(NOW + DAY + 5000, 'zh-Hant')
    expect(numeric().textContent).toBe('1天 0時 0分 5秒')
    h.i18n.global.locale.value = 'en'
    await nextTick()
    expect(numeric().textContent).toBe('1d 0h 0m 5s')
    expect(mountCountdown(NOW - 65_000).numeric().textContent).toBe('0d 0h 1m 5s ago')
  })

  it('shows "within 7 days" in words the moment the deadline comes that close', async () => {
    const { wrapper } = mountCountdown(NOW + 7 * DAY + 2000)
    expect(wrapper.find('.urgency-label').text()).toContain('Within 30 days')
    await tick(3)
    expect(wrapper.get('.urgency-label').text()).toContain('Within 7 days')
    expect(wrapper.classes()).toContain('urgency-week')
  })

  it('out of view drops its seconds, keeps its urgency true, and shows them again back in view', async () => {
    const { wrapper, numeric } = mountCountdown(NOW + 7 * DAY + 61_000)
    expect(numeric().textContent).toBe('7d 0h 1m 1s')
    observers.setVisible(numeric(), false)
    await nextTick()
    // What a screen reader or find-in-page reads there stays true, to the minute.
    expect(numeric().textContent).toBe('7d 0h 1m')
    await tick(5)
    expect(numeric().textContent).toBe('7d 0h 0m')
    expect(wrapper.get('.urgency-label').text()).toContain('Within 30 days')
    await tick(60)
    expect(numeric().textContent).toBe('6d 23h 59m')
    expect(wrapper.get('.urgency-label').text()).toContain('Within 7 days')
    observers.setVisible(numeric(), true)
    await nextTick()
    expect(numeric().textContent).toBe('6d 23h 59m 56s')
  })

  it('holds still at an as-of instant and lets go of its element when unmounted', async () => {
    const { clock, wrapper, numeric } = mountCountdown(NOW + 60_000)
    clock.setAsOf('2026-11-09T16:59:00+00:00[UTC]')
    await nextTick()
    expect(numeric().textContent).toBe('0d 0h 2m 0s')
    await tick(3)
    expect(numeric().textContent).toBe('0d 0h 2m 0s')
    const element = numeric()
    wrapper.unmount()
    expect(observers.observed()).not.toContain(element)
  })
})
