// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import { REFRESH_DELAY_MS, useLiveRefresh } from './useLiveRefresh.ts'
import { runMenuCommand } from './menu-commands.ts'
import { useBoardStore } from '../stores/board.ts'
import { useClockStore } from '../stores/clock.ts'
import { useToastStore } from '../stores/toasts.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const Shell = defineComponent({
  setup() {
    useLiveRefresh()
  },
  render: () => h('div', [h(RouterView)]),
})

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

async function setup() {
  const service = fakeService({ 'measures.list': () => [] })
  const hs = harness({ service })
  const board = useBoardStore()
  await board.load()
  const wrapper = mountIn(hs, Shell)
  const lists = () => service.calls.filter((c) => c.method === 'measures.list').length
  return { service, hs, wrapper, lists }
}

describe('live refresh', () => {
  it('reloads once when another process changed the data, however many notices arrive', async () => {
    const { service, lists } = await setup()
    expect(lists()).toBe(1)
    service.push({ type: 'data-changed' })
    service.push({ type: 'data-changed' })
    vi.advanceTimersByTime(REFRESH_DELAY_MS)
    await settle()
    expect(lists()).toBe(2)
  })

  it('says the core was restarted after a crash, and reloads what it shows', async () => {
    const { service, lists } = await setup()
    service.push({ type: 'core-restarted' })
    vi.advanceTimersByTime(REFRESH_DELAY_MS)
    await settle()
    expect(lists()).toBe(2)
    expect(useToastStore().toasts).toMatchObject([{ messageKey: 'common.coreRestarted', tone: 'error' }])
  })

  it('reloads when the window regains focus and when the as-of instant changes', async () => {
    const { lists } = await setup()
    window.dispatchEvent(new Event('focus'))
    vi.advanceTimersByTime(REFRESH_DELAY_MS)
    await settle()
    expect(lists()).toBe(2)
    useClockStore().setAsOf('2026-11-09T17:00:00+00:00[UTC]')
    await settle()
    expect(lists()).toBe(3)
    expect(useBoardStore().rows).toEqual([])
  })

  it('opens a measure and runs menu commands pushed by the host', async () => {
    vi.useRealTimers()
    const { service, hs } = await setup()
    service.push({ type: 'open-measure', id: 'm1' })
    await vi.waitFor(() => expect(hs.router.currentRoute.value.fullPath).toBe('/measure/m1'), { timeout: 10_000 })
    service.push({ type: 'menu', command: 'new-measure' })
    await vi.waitFor(() => expect(hs.router.currentRoute.value.name).toBe('new-measure'), { timeout: 10_000 })
    service.push({ type: 'menu', command: 'go-board' })
    await vi.waitFor(() => expect(hs.router.currentRoute.value.name).toBe('board'), { timeout: 10_000 })
    const clock = useClockStore()
    clock.setAsOf('2026-11-09T17:00:00+00:00[UTC]')
    service.push({ type: 'menu', command: 'toggle-as-of' })
    expect(clock.asOf).toBeNull()
  })
})

describe('menu commands', () => {
  it('maps each command to its action, and leaves host-side ones alone', () => {
    const actions = { goBoard: vi.fn(), newMeasure: vi.fn(), focusSearch: vi.fn(), toggleAsOf: vi.fn() }
    expect(runMenuCommand('find', actions)).toBe(true)
    expect(actions.focusSearch).toHaveBeenCalledOnce()
    expect(runMenuCommand('toggle-as-of', actions)).toBe(true)
    expect(actions.toggleAsOf).toHaveBeenCalledOnce()
    expect(runMenuCommand('print-report', actions)).toBe(false)
  })
})
