// @vitest-environment happy-dom
// Settings → Calendar subscription (issue 13): the browser host offers the address a calendar
// program subscribes to; the desktop app chooses the kept file through its own dialog. Every
// control is labelled and works from the keyboard (buttons, a select, a read-only field).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { CalendarSubscription } from '../../../../shared/api-views.ts'
import { ok } from '../../../../shared/result.ts'
import ToastHost from '../ToastHost.vue'
import CalendarSubscriptionPanel from './CalendarSubscriptionPanel.vue'
import { fakeService, mountOver, settle, type FakeTransportOptions } from '../../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h(CalendarSubscriptionPanel), h(ToastHost)]) })
const KEY_1 = 'a'.repeat(43)
const KEY_2 = 'b'.repeat(43)

afterEach(() => vi.unstubAllGlobals())

async function open(initial: CalendarSubscription, transport: FakeTransportOptions = {}, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  let state = { ...initial }
  const keys = [KEY_1, KEY_2]
  const service = fakeService(
    {
      'calendar.subscription': () => state,
      'calendar.configureSubscription': (input) => {
        state = {
          locale: input.locale ?? state.locale,
          file: input.stopFile ? null : state.file,
          feedKey: input.feed === 'off' ? null : input.feed === 'renew' ? (keys.shift() ?? null) : state.feedKey,
        }
        return state
      },
    },
    transport,
  )
  return mountOver(service, Page, locale)
}

describe('Settings → Calendar subscription, in the browser host', () => {
  it('creates the address to subscribe to, copies it, renews it and turns it off', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper, calls, button } = await open({ locale: 'en', file: null, feedKey: null })
    expect(wrapper.get('h2').text()).toBe('Calendar subscription')
    expect(wrapper.text()).toContain('as cancelled for 180 days')
    expect(wrapper.text()).toContain('There is no subscription address.')
    // The browser cannot choose a path for the host: no file button, and it says where that is done.
    expect(button('Choose file…')).toBeUndefined()
    expect(wrapper.text()).toContain('The desktop app chooses where a calendar file is kept.')

    await button('Create address')!.trigger('click')
    await settle()
    expect(calls('calendar.configureSubscription')).toEqual([{ feed: 'renew' }])
    const field = wrapper.get('#settings-calendar-address')
    expect(wrapper.get('label[for="settings-calendar-address"]').text()).toBe('Address to subscribe to')
    expect((field.element as HTMLInputElement).value).toBe(`${window.location.origin}/calendar.ics?key=${KEY_1}`)
    expect(field.attributes('readonly')).toBeDefined()

    await button('Copy address')!.trigger('click')
    await settle()
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/calendar.ics?key=${KEY_1}`)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Subscription address copied'))

    await button('New address')!.trigger('click')
    await settle()
    expect((wrapper.get('#settings-calendar-address').element as HTMLInputElement).value).toContain(KEY_2)
    await vi.waitFor(() => expect(wrapper.text()).toContain('the old one no longer works'))

    await button('Turn off address')!.trigger('click')
    await settle()
    expect(wrapper.find('#settings-calendar-address').exists()).toBe(false)
    expect(calls('calendar.configureSubscription')).toEqual([{ feed: 'renew' }, { feed: 'renew' }, { feed: 'off' }])
  })

  it('shows the file a desktop app keeps, when it was written, and can stop it', async () => {
    const { wrapper, calls, button } = await open({
      locale: 'en',
      file: { path: '/home/a/Calendars/measure-tracker.ics', writtenAt: '2026-12-04T12:00:00.000Z' },
      feedKey: null,
    })
    expect(wrapper.get('[data-testid="calendar-file-path"]').text()).toBe('/home/a/Calendars/measure-tracker.ics')
    expect(wrapper.text()).toContain('Last written')
    await button('Stop updating the file')!.trigger('click')
    await settle()
    expect(calls('calendar.configureSubscription')).toEqual([{ stopFile: true }])
    expect(wrapper.text()).toContain('No calendar file is kept.')
  })

  it('changes the calendar’s language with a labelled select', async () => {
    const { wrapper, calls } = await open({ locale: 'en', file: null, feedKey: null })
    const select = wrapper.get('select#settings-calendar-language')
    expect(wrapper.get('label[for="settings-calendar-language"]').text()).toBe('Language of the calendar')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['English', '繁體中文', '简体中文'])
    await select.setValue('zh-Hant')
    await settle()
    expect(calls('calendar.configureSubscription')).toEqual([{ locale: 'zh-Hant' }])
    await vi.waitFor(() => expect(wrapper.text()).toContain('The calendar is now in 繁體中文'))
  })

  it('speaks Chinese', async () => {
    const { wrapper } = await open({ locale: 'zh-Hant', file: null, feedKey: KEY_1 }, {}, 'zh-Hant')
    expect(wrapper.get('h2').text()).toBe('行事曆訂閱')
    expect(wrapper.get('label[for="settings-calendar-address"]').text()).toBe('訂閱用網址')
    expect((wrapper.get('select').element as HTMLSelectElement).value).toBe('zh-Hant')
  })
})

describe('Settings → Calendar subscription, in the desktop app', () => {
  it('chooses the file through the host’s dialog and shows where it is kept; no address is offered', async () => {
    const chosen: CalendarSubscription = {
      locale: 'en',
      file: { path: 'C:\\Users\\a\\Documents\\measure-tracker.ics', writtenAt: '2026-12-04T12:00:00.000Z' },
      feedKey: null,
    }
    const chooseCalendarFile = vi.fn(() => ok(chosen))
    const { wrapper, button } = await open({ locale: 'en', file: null, feedKey: null }, { kind: 'electron', chooseCalendarFile })
    expect(wrapper.text()).not.toContain('Subscription address')
    expect(button('Create address')).toBeUndefined()
    await button('Choose file…')!.trigger('click')
    await settle()
    expect(chooseCalendarFile).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="calendar-file-path"]').text()).toBe(chosen.file!.path)
    await vi.waitFor(() => expect(wrapper.text()).toContain(`The calendar is kept at ${chosen.file!.path}`))
    expect(button('Move file…')).toBeDefined()
  })

  it('leaves everything as it was when the dialog is cancelled', async () => {
    const { wrapper, button } = await open(
      { locale: 'en', file: null, feedKey: null },
      { kind: 'electron', chooseCalendarFile: () => ok(null) },
    )
    await button('Choose file…')!.trigger('click')
    await settle()
    expect(wrapper.text()).toContain('No calendar file is kept.')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
