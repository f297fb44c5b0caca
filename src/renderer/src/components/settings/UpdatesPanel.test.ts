// @vitest-environment happy-dom
// Settings → Updates (issue 18) over the fake service: in the desktop app the user turns automatic
// checks on or off, checks now, reads what is new, downloads and installs — each on a labelled
// control reached from the keyboard; the browser host only says where updates come from.
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { ok, fail, type Result } from '../../../../shared/result.ts'
import type { UpdatePhase, UpdateStatus } from '../../../../shared/updates.ts'
import ToastHost from '../ToastHost.vue'
import UpdatesPanel from './UpdatesPanel.vue'
import { fakeService, mountOver, settle } from '../../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h(UpdatesPanel), h(ToastHost)]) })

const RELEASE = {
  version: '0.2.0',
  name: 'Measure Tracker 0.2.0',
  releasedAt: '2026-12-03T12:00:00.000Z',
  notes: "What's Changed\n\n• Faster board\n• <b>not markup</b>",
}

/** A desktop main process as far as the page sees it: a status that the update functions move on. */
function desktop(initial: Partial<UpdateStatus> = {}, answers: { check?: () => Result<unknown> } = {}) {
  let status: UpdateStatus = { ...baseStatus(), ...initial }
  const move = (state: UpdatePhase) => {
    status = { ...status, state }
    return ok(status)
  }
  const service = fakeService(
    {},
    {
      kind: 'electron',
      updates: {
        status: () => ok(status),
        configure: (input) => {
          status = { ...status, preferences: input as UpdateStatus['preferences'] }
          return ok(status)
        },
        check:
          answers.check ??
          (() => ((status = { ...status, lastCheckedAt: '2026-12-04T14:00:00.000Z' }), move({ phase: 'available', release: RELEASE }))),
        download: () => move({ phase: 'downloaded', release: RELEASE }),
        install: () => ok(null),
      },
    },
  )
  return service
}

describe('Settings → Updates in the desktop app', () => {
  it('starts with automatic checks off, and turns them on and off from a labelled check box', async () => {
    const service = desktop()
    const { wrapper } = await mountOver(service, Page)
    expect(wrapper.get('#settings-updates-title').text()).toBe('Updates')
    expect(wrapper.text()).toContain('This is version 0.1.0. Not checked yet.')
    const box = wrapper.get<HTMLInputElement>('#settings-updates-automatic')
    expect(wrapper.get('label[for="settings-updates-automatic"]').text()).toBe('Check for updates automatically')
    expect(box.element.checked).toBe(false)
    expect(wrapper.get(`#${box.attributes('aria-describedby')}`).text()).toContain('once a day')

    box.element.checked = true
    await box.trigger('change')
    await settle()
    expect(service.updateCalls).toEqual([{ name: 'status' }, { name: 'configure', input: { checkAutomatically: true } }])
    expect(wrapper.text()).toContain('Measure Tracker will check for updates by itself')
    expect(box.element.checked).toBe(true)

    box.element.checked = false
    await box.trigger('change')
    await settle()
    expect(service.updateCalls.at(-1)).toEqual({ name: 'configure', input: { checkAutomatically: false } })
    expect(wrapper.text()).toContain('Automatic update checks are off')
  })

  it('Check now shows the release on offer with what is new (as text), then downloads and installs on the user’s word', async () => {
    const service = desktop()
    const { wrapper, button } = await mountOver(service, Page)
    await button('Check now')!.trigger('click')
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe('Version 0.2.0 is available.')
    expect(wrapper.text()).toContain('Last checked')
    expect(wrapper.get('#settings-updates-notes-title').text()).toBe("What's new in 0.2.0")
    const notes = wrapper.get('[data-testid="release-notes"]')
    expect(notes.text()).toContain('• Faster board')
    // Text from the network stays text.
    expect(notes.element.querySelector('b')).toBeNull()
    expect(notes.text()).toContain('<b>not markup</b>')
    // Scrollable notes are reachable from the keyboard.
    expect(notes.attributes('tabindex')).toBe('0')
    expect(service.updateCalls.map((call) => call.name)).toEqual(['status', 'check'])

    // Nothing is downloaded or installed until asked.
    expect(button('Restart and install')).toBeUndefined()
    await button('Download version 0.2.0')!.trigger('click')
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe('Version 0.2.0 is downloaded and ready to install.')
    const install = button('Restart and install')!
    expect(wrapper.get(`#${install.attributes('aria-describedby')}`).text()).toContain('Your data stays where it is.')
    expect(service.updateCalls.map((call) => call.name)).toEqual(['status', 'check', 'download'])
    await install.trigger('click')
    await settle()
    expect(service.updateCalls.map((call) => call.name)).toEqual(['status', 'check', 'download', 'install'])
  })

  it('follows what main pushes: a check it made by itself, a download’s progress, and moves the focus to Install when the download ends', async () => {
    const service = desktop({ preferences: { checkAutomatically: true } })
    const { wrapper, button } = await mountOver(service, Page)
    const pushed = (state: UpdatePhase) =>
      service.push({
        type: 'update-status',
        status: { ...baseStatus(), preferences: { checkAutomatically: true }, state },
      })
    pushed({ phase: 'checking' })
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe('Checking for updates…')
    // Stays in place (and focusable) while busy: only marked unavailable.
    expect(button('Check now')!.attributes('aria-disabled')).toBe('true')
    expect(button('Check now')!.attributes('disabled')).toBeUndefined()

    pushed({ phase: 'downloading', release: RELEASE, percent: 42 })
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe('Downloading version 0.2.0: 42%')
    const progress = wrapper.get('progress')
    expect(progress.attributes('aria-label')).toBe('Download progress')
    expect(progress.attributes('value')).toBe('42')
    button('Download version 0.2.0')!.element.focus()

    pushed({ phase: 'downloaded', release: RELEASE })
    await settle()
    expect(document.activeElement?.textContent?.trim()).toBe('Restart and install')
  })

  it('shows a failed check in an alert and lets the user try again', async () => {
    const service = desktop(
      {},
      {
        check: () =>
          ok({ ...baseStatus(), state: { phase: 'failed', during: 'check', message: 'net::ERR_INTERNET_DISCONNECTED', release: null } }),
      },
    )
    const { wrapper, button } = await mountOver(service, Page)
    await button('Check now')!.trigger('click')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toBe('The check did not work: net::ERR_INTERNET_DISCONNECTED')
    expect(button('Check now')!.attributes('aria-disabled')).toBeUndefined()
  })

  it('a refused request goes to the alert and leaves the check box as saved', async () => {
    const service = fakeService(
      {},
      { kind: 'electron', updates: { status: () => ok(baseStatus()), configure: () => fail('INTERNAL', 'disk full') } },
    )
    const { wrapper } = await mountOver(service, Page)
    const box = wrapper.get<HTMLInputElement>('#settings-updates-automatic')
    box.element.checked = true
    await box.trigger('change')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toContain('disk full')
    expect(box.element.checked).toBe(false)
  })

  it('a copy that cannot update itself says why, with nothing to press', async () => {
    const service = desktop({ unsupported: 'not-packaged' })
    const { wrapper, button } = await mountOver(service, Page)
    expect(wrapper.get('[data-testid="updates-unsupported"]').text()).toBe(
      'This copy runs from the source code, so it does not update itself. Installed copies from the releases page do.',
    )
    expect(wrapper.find('#settings-updates-automatic').exists()).toBe(false)
    expect(button('Check now')).toBeUndefined()
  })

  it('speaks the app’s language', async () => {
    const { wrapper, button } = await mountOver(desktop(), Page, 'zh-Hant')
    expect(wrapper.get('#settings-updates-title').text()).toBe('更新')
    expect(wrapper.get('label[for="settings-updates-automatic"]').text()).toBe('自動檢查更新')
    expect(button('立即檢查')).toBeDefined()
  })
})

describe('Settings → Updates in the browser host', () => {
  it('says updates come with the installed app, and asks nothing', async () => {
    const service = fakeService()
    const { wrapper } = await mountOver(service, Page)
    expect(wrapper.get('#settings-updates-title').text()).toBe('Updates')
    expect(wrapper.text()).toContain('Updates come with the installed desktop app.')
    expect(wrapper.findAll('button')).toHaveLength(0)
    expect(wrapper.find('input').exists()).toBe(false)
    expect(service.updateCalls).toEqual([])
  })
})

function baseStatus(): UpdateStatus {
  return {
    currentVersion: '0.1.0',
    unsupported: null,
    preferences: { checkAutomatically: false },
    lastCheckedAt: null,
    state: { phase: 'idle' },
  }
}
