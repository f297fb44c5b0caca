// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import ToastHost from '../components/ToastHost.vue'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { setDate, setTime } from '../test/date-time-fields.ts'
import { measureDetail } from '../test/detail.ts'
import { summary } from '../test/fixtures.ts'
import { pageHandlers } from '../test/page-fake.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })

async function open(handlers: Parameters<typeof fakeService>[0] = {}) {
  const detail = measureDetail()
  const service = fakeService({
    'measures.get': () => detail,
    'measures.list': () => [summary('cn-ports', { imposer: 'CN', target: 'US', title: { en: 'China port fees' } })],
    ...pageHandlers(() => [summary('cn-ports', { imposer: 'CN', target: 'US', title: { en: 'China port fees' } })]),
    ...handlers,
  })
  const hs = harness({ service })
  await hs.router.push('/measure/us-ships')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Section 301 port fees'), { timeout: 10_000 })
  await settle()
  return { wrapper, service, hs }
}

const button = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], name: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

describe('measure page', () => {
  it('shows facts, status with countdown, numbered sources with confidence, timeline, links and history', async () => {
    const { wrapper } = await open()
    const text = wrapper.text()
    expect(text).toContain('USTR')
    expect(text).toContain('Section 301 action — 90 FR 17114')
    expect(text).toContain('Suspended until')
    const sources = wrapper
      .findAll('#sources-title + ol li')
      .map((li) => [li.get('.number').text(), li.get('a').text(), li.get('.badge').text()])
    expect(sources).toEqual([
      ['[1]', 'Law firm alert', 'Reputable secondary'],
      ['[2]', 'Federal Register notice', 'Official text'],
    ])
    expect(wrapper.findAll('.timeline > li strong').map((s) => s.text())).toEqual(['Takes effect', 'Suspended', 'Suspension ends'])
    expect(wrapper.get('#links-title + ul a').text()).toBe('China port fees')
    expect(wrapper.get('.history tbody tr').text()).toContain('cli:alice')
    expect(wrapper.get('.history tbody tr').text()).toContain('Facts edited')
  })

  it('flags conflicting dates and lets the reader pick the other source', async () => {
    const { wrapper, service } = await open({ 'events.chooseAlternative': () => ({}) })
    expect(wrapper.get('#conflicts-title').text()).toContain('Sources disagree on dates')
    await button(wrapper, 'Use this date').trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'events.chooseAlternative')?.input).toEqual({
      measureId: 'us-ships',
      eventId: 'e2',
      index: 0,
      baseRevision: '0123456789abcdef',
    })
  })

  it('opens sources outside the app through the client', async () => {
    const { wrapper, service } = await open()
    await wrapper
      .findAll('a')
      .find((a) => a.text() === 'Federal Register notice')!
      .trigger('click')
    expect(service.opened).toEqual(['https://example.gov/b'])
  })

  it('deletes with an Undo that takes focus and restores the measure', async () => {
    const { wrapper, service, hs } = await open({
      'measures.delete': () => ({ id: 'us-ships' }),
      'measures.restore': () => measureDetail(),
    })
    await button(wrapper, 'Delete').trigger('click')
    await vi.waitFor(() => expect(hs.router.currentRoute.value.name).toBe('board'), { timeout: 10_000 })
    await settle()
    const undo = button(wrapper, 'Undo')
    expect(wrapper.text()).toContain('Deleted “Section 301 port fees”')
    expect(document.activeElement).toBe(undo.element)
    await undo.trigger('click')
    await vi.waitFor(() => expect(hs.router.currentRoute.value.fullPath).toBe('/measure/us-ships'), { timeout: 10_000 })
    expect(service.calls.map((c) => c.method)).toContain('measures.restore')
  })

  it('records an event from a dialog that keeps focus inside, closes on Escape and gives focus back', async () => {
    const { wrapper, service } = await open({ 'events.record': (input) => ({ ...(input as { event: object }).event, id: 'e3' }) })
    const opener = button(wrapper, 'Record event')
    ;(opener.element as HTMLElement).focus()
    await opener.trigger('click')
    await settle()
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('aria-labelledby')).toBeTruthy()
    expect(wrapper.get(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('Record event')
    expect(dialog.element.contains(document.activeElement)).toBe(true)

    await dialog.trigger('keydown', { key: 'Escape' })
    await settle()
    expect((dialog.element as HTMLDialogElement).open).toBe(false)
    expect(document.activeElement).toBe(opener.element)

    await opener.trigger('click')
    await settle()
    const kind = wrapper.get('#event-kind')
    await kind.setValue('extended')
    await setDate(dialog, '2026-11-09')
    await setTime(dialog, '12:00')
    await dialog.get('#event-duration-value').setValue('90')
    await dialog.get('#event-duration-unit').setValue('days')
    await dialog.get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'events.record')?.input).toEqual({
      measureId: 'us-ships',
      event: {
        kind: 'extended',
        at: '2026-11-09T12:00:00-05:00[America/New_York]',
        duration: 'P90D',
        scheduled: false,
        sourceIds: [],
        note: '',
      },
      baseRevision: '0123456789abcdef',
    })
    expect(wrapper.text()).toContain('Recorded: Suspension extended')
  })
})
