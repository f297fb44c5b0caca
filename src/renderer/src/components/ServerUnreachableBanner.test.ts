// @vitest-environment happy-dom
// The whole window (App.vue) over the fake service, as a team database's server goes away and
// comes back, and over a read-only store: the one rule (stores/access.ts) turns the change
// controls off with the reason, the page keeps what it loaded, the app asks again with back-off
// (2 s, 4 s, 8 s …), "Retry now" asks at once, and on its return everything reloads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeasureDetail } from '../../../shared/api-views.ts'
import { fail } from '../../../shared/result.ts'
import { defineComponent, h } from 'vue'
import App from '../App.vue'
import { CHANGE_BLOCKED_ID, retryDelayMs } from '../stores/access.ts'
import { fakeService, harness, mountIn, settle, type Handlers } from '../test/harness.ts'
import { measureDetail } from '../test/detail.ts'
import { summary } from '../test/fixtures.ts'
import { pageHandlers } from '../test/page-fake.ts'

const LOST = () =>
  fail('STORAGE', 'The database server postgres://ana@db.example.org/measures cannot be reached (connect ECONNREFUSED).', {
    unreachable: true,
  })

/** The window's shell in one element, so the wrapper sees all of it (App's template has several roots). */
const Window = defineComponent({ render: () => h('div', [h(App)]) })

const info = (readOnlyReason: string | null) => ({
  dbPath: 'postgres://ana@db.example.org/measures',
  schemaVersion: 11,
  readOnly: readOnlyReason !== null,
  readOnlyReason,
  measureCount: 1,
  locales: ['en', 'zh-Hant', 'zh-Hans'],
})

async function openWindow(options: { readOnlyReason?: string } = {}) {
  let reachable = true
  const detail: MeasureDetail = measureDetail()
  const rows = () => [summary('cn-ports', { imposer: 'CN', target: 'US', title: { en: 'China port fees' } })]
  const handlers: Handlers = {
    'meta.info': () => info(options.readOnlyReason ?? null),
    'measures.get': () => detail,
    'measures.list': rows,
    'measures.update': () => detail,
    ...pageHandlers(rows),
  }
  // A server that is away answers no call at all.
  const service = fakeService(
    Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => [
        method,
        (input: never) => (reachable ? (handler as (i: never) => unknown)(input) : LOST()),
      ]),
    ),
  )
  const hs = harness({ service })
  await hs.router.push('/measure/us-ships')
  const wrapper = mountIn(hs, Window, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Section 301 port fees'))
  await settle()
  const button = (name: string) => {
    // "＋ New measure" carries a decorative sign (aria-hidden) before its name.
    const found = wrapper.findAll('button').find((b) => b.text().replace('＋', '') === name)
    if (!found) throw new Error(`no button "${name}"`)
    return found
  }
  /** The window comes back into focus: the app reloads what it shows (useLiveRefresh), and meets the server's absence. */
  const refocus = async () => {
    window.dispatchEvent(new Event('focus'))
    vi.advanceTimersByTime(200)
    await settle()
  }
  const asked = (method: string) => service.calls.filter((call) => call.method === method).length
  return { wrapper, service, hs, button, asked, refocus, setReachable: (value: boolean) => (reachable = value) }
}

describe('the team database’s server out of reach', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(Date.parse('2026-12-05T09:00:00Z'))
  })
  afterEach(() => {
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it('says so with the age of what is shown, keeps the page, and turns every change control off with the reason', async () => {
    const w = await openWindow()
    expect(w.button('Record event').attributes('disabled')).toBeUndefined()
    expect(w.wrapper.find('[role="alert"].unreachable-banner').exists()).toBe(false)

    w.setReachable(false)
    vi.advanceTimersByTime(5 * 60_000 + 1_000)
    await w.refocus()

    const banner = w.wrapper.get('.unreachable-banner')
    expect(banner.attributes('role')).toBe('alert')
    expect(banner.text()).toContain('The team database cannot be reached.')
    expect(banner.text()).toMatch(/Showing what was loaded at .+ \(.*5m ago\)/)
    expect(banner.text()).toContain('anything you are typing stays where it is')
    // What was loaded stays on screen.
    expect(w.wrapper.get('h1').text()).toBe('Section 301 port fees')
    for (const name of ['Record event', 'Delete', 'Edit', 'Add note', 'New measure']) {
      const control = w.button(name)
      expect(control.attributes('disabled'), name).toBeDefined()
      expect(control.attributes('aria-describedby'), name).toBe(CHANGE_BLOCKED_ID)
    }
    expect(w.wrapper.get(`#${CHANGE_BLOCKED_ID}`).text()).toContain('cannot be reached')
    // Reading, printing and exporting stay on.
    expect(w.button('Print brief…').attributes('disabled')).toBeUndefined()
  })

  it('asks again by itself, a little later each time (2 s, 4 s, 8 s), and at once on "Retry now"; its return brings everything back', async () => {
    const w = await openWindow()
    w.setReachable(false)
    await w.refocus()
    expect(w.wrapper.find('.unreachable-banner').exists()).toBe(true)

    const before = w.asked('meta.info')
    for (const [attempt, expected] of [
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const) {
      vi.advanceTimersByTime(retryDelayMs(attempt) - 1)
      await settle()
      expect(w.asked('meta.info') - before, `before retry ${attempt + 1}`).toBe(expected - 1)
      vi.advanceTimersByTime(1)
      await settle()
      expect(w.asked('meta.info') - before, `retry ${attempt + 1}`).toBe(expected)
    }
    expect(retryDelayMs(10)).toBe(60_000)
    expect(w.wrapper.get('.unreachable-banner').text()).toContain('Trying again in')

    w.setReachable(true)
    const pagesBefore = w.asked('measures.get')
    await w.button('Retry now').trigger('click')
    await settle()
    vi.advanceTimersByTime(200)
    await settle()
    expect(w.wrapper.find('.unreachable-banner').exists()).toBe(false)
    expect(w.button('Record event').attributes('disabled')).toBeUndefined()
    expect(w.button('New measure').attributes('aria-describedby')).toBeUndefined()
    // Everything on screen is loaded again.
    expect(w.asked('measures.get')).toBeGreaterThan(pagesBefore)
  })
})

describe('a form being filled in while the server goes away', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }))
  afterEach(() => {
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it('a save that meets the lost server leaves the form open with what was typed; Save is off meanwhile and on again when the server answers', async () => {
    const w = await openWindow()
    await w.hs.router.push('/measure/us-ships/edit')
    await vi.waitFor(() => expect(w.wrapper.findAll('label').some((label) => label.text() === 'Title (English)')).toBe(true))
    const label = w.wrapper.findAll('label').find((candidate) => candidate.text() === 'Title (English)')!
    const title = w.wrapper.get<HTMLInputElement>(`#${label.attributes('for')}`)
    await title.setValue('Section 301 port fees (as amended)')

    // The server went away meanwhile: the save meets it.
    w.setReachable(false)
    await w.wrapper.get('form.facts-form').trigger('submit')
    await settle()
    expect(w.wrapper.find('.unreachable-banner').exists()).toBe(true)
    expect(w.wrapper.find('form.facts-form').exists()).toBe(true)
    expect(w.button('Save').attributes('disabled')).toBeDefined()
    expect(w.button('Save').attributes('aria-describedby')).toBe(CHANGE_BLOCKED_ID)
    expect(title.element.value).toBe('Section 301 port fees (as amended)')

    w.setReachable(true)
    await w.button('Retry now').trigger('click')
    await settle()
    expect(w.wrapper.find('.unreachable-banner').exists()).toBe(false)
    expect(w.button('Save').attributes('disabled')).toBeUndefined()
    expect(title.element.value).toBe('Section 301 port fees (as amended)')
  })
})

describe('a read-only store', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('turns the change controls off, each pointing at the reason', async () => {
    const w = await openWindow({ readOnlyReason: 'the database user carol may read postgres://carol@db/measures but not change it' })
    const reason = w.wrapper.get(`#${CHANGE_BLOCKED_ID}`)
    expect(reason.text()).toContain('Read-only database')
    expect(reason.text()).toContain('carol may read')
    for (const name of ['Record event', 'Delete', 'Edit', 'Add note', 'New measure', 'Edit watch terms']) {
      expect(w.button(name).attributes('disabled'), name).toBeDefined()
      expect(w.button(name).attributes('aria-describedby'), name).toBe(CHANGE_BLOCKED_ID)
    }
    expect(w.button('Print brief…').attributes('disabled')).toBeUndefined()
  })
})
