// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { DOMWrapper } from '@vue/test-utils'
import { ok } from '../../../shared/result.ts'
import ToastHost from '../components/ToastHost.vue'
import { useLiveRefresh } from './useLiveRefresh.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { pageHandlers } from '../test/page-fake.ts'
import { measureDetail } from '../test/detail.ts'

const Shell = defineComponent({
  setup() {
    useLiveRefresh()
  },
  render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]),
})

function button(root: Pick<DOMWrapper<Element>, 'findAll'>, name: string): DOMWrapper<HTMLButtonElement> {
  const found = root.findAll<HTMLButtonElement>('button').find((b) => b.text() === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

const ICS = (input: unknown) => {
  const { measureId } = input as { measureId?: string }
  return { filename: measureId ? `${measureId}.ics` : 'measure-tracker.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' }
}

async function start(path: string, locale: 'en' | 'zh-Hans' = 'en') {
  const service = fakeService({ 'calendar.export': ICS, ...pageHandlers(() => []), 'measures.get': () => measureDetail() })
  const hs = harness({ service, locale })
  await hs.router.push(path)
  const wrapper = mountIn(hs, Shell, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true), { timeout: 10_000 })
  await settle()
  const exports = () => service.calls.filter((c) => c.method === 'calendar.export').map((c) => c.input)
  return { wrapper, service, hs, exports }
}

describe('calendar export', () => {
  it('saves every measure’s calendar from the board, in the UI language', async () => {
    const { wrapper, service, exports } = await start('/', 'zh-Hans')
    await button(wrapper, '导出日历 (.ics)').trigger('click')
    await settle()
    expect(exports()).toEqual([{ locale: 'zh-Hans' }])
    expect(service.saved).toEqual([{ filename: 'measure-tracker.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' }])
    expect(wrapper.text()).toContain('日历已保存：measure-tracker.ics')
  })

  it('saves one measure’s calendar from its page', async () => {
    const { wrapper, service, exports } = await start('/measure/us-ships')
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Section 301 port fees'), { timeout: 10_000 })
    await button(wrapper, 'Export calendar (.ics)').trigger('click')
    await settle()
    expect(exports()).toEqual([{ measureId: 'us-ships', locale: 'en' }])
    expect(service.saved.map((f) => f.filename)).toEqual(['us-ships.ics'])
  })

  it('answers the menu command export-ics the same way', async () => {
    const { wrapper, service, exports } = await start('/')
    service.push({ type: 'menu', command: 'export-ics' })
    await vi.waitFor(() => expect(service.saved).toHaveLength(1), { timeout: 10_000 })
    expect(exports()).toEqual([{ locale: 'en' }])
    expect(wrapper.text()).toContain('Calendar saved: measure-tracker.ics')
  })

  it('says so when the export fails', async () => {
    const service = fakeService({
      'calendar.export': () => ({ ok: false, error: { code: 'STORAGE', message: 'disk full' } }),
      ...pageHandlers(() => []),
    })
    const hs = harness({ service })
    await hs.router.push('/')
    const wrapper = mountIn(hs, Shell, { attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true), { timeout: 10_000 })
    await button(wrapper, 'Export calendar (.ics)').trigger('click')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toContain('Could not export the calendar: disk full')
    expect(service.saved).toEqual([])
  })

  it('says nothing when the person cancels the save dialog', async () => {
    const { wrapper, service } = await start('/')
    service.transport.saveFile = async () => ok(null)
    await button(wrapper, 'Export calendar (.ics)').trigger('click')
    await settle()
    expect(wrapper.find('.toast').exists()).toBe(false)
  })
})
