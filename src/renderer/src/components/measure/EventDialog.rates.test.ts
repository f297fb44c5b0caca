// @vitest-environment happy-dom
// Issue 10 in "Record event": a partial suspension (points of the rate, a part of the scope), a
// rate step (text, number, what a running suspension does to it), and an end written as a date
// only — shown as the exact instant it means before saving, and its rule kept in the note.
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { MeasureDetail } from '../../../../shared/api-views.ts'
import { fail } from '../../../../shared/result.ts'
import ToastHost from '../ToastHost.vue'
import { measureDetail } from '../../test/detail.ts'
import { fakeService, harness, mountIn, settle, type Handler } from '../../test/harness.ts'
import { setDate, setTime } from '../../test/date-time-fields.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })

/** A Chinese measure: its notices are on the Beijing clock (its first event's zone). */
function chinese(): MeasureDetail {
  const base = measureDetail()
  return {
    ...base,
    imposer: 'CN',
    target: 'US',
    events: base.events.map((event, index) =>
      index === 0
        ? { ...event, at: '2025-04-10T12:01:00+08:00[Asia/Shanghai]' }
        : { ...event, at: '2025-05-14T12:01:00+08:00[Asia/Shanghai]', until: '2026-11-11T00:00:00+08:00[Asia/Shanghai]' },
    ),
  }
}

async function openDialog(handler: Handler = (input) => ({ ...(input as { event: object }).event, id: 'e9' })) {
  const service = fakeService({ 'measures.get': () => chinese(), 'measures.list': () => [], 'events.record': handler })
  const hs = harness({ service })
  await hs.router.push('/measure/us-ships')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true), { timeout: 10_000 })
  await settle()
  await wrapper
    .findAll('button')
    .find((b) => b.text() === 'Record event')!
    .trigger('click')
  await settle()
  const dialog = wrapper.get('dialog')
  // The event's own date and time (the "When" group).
  await setDate(dialog, '2026-11-05')
  await setTime(dialog, '13:01')
  await dialog
    .findAll('select:not(.month)')
    .find((s) => s.element.closest('fieldset')?.querySelector('legend')?.textContent === 'When')!
    .setValue('Asia/Shanghai')
  return { wrapper, service, dialog }
}

type Dialog = Awaited<ReturnType<typeof openDialog>>['dialog']

const label = (dialog: Dialog, name: string) => {
  const found = dialog.findAll('label').find((l) => l.text().replace(/\s+/g, ' ').trim() === name)
  if (!found) throw new Error(`no label "${name}"`)
  const id = found.attributes('for')
  return id ? dialog.get(`#${CSS.escape(id)}`) : found.get('input')
}

const recorded = (service: Awaited<ReturnType<typeof openDialog>>['service']) =>
  (service.calls.find((c) => c.method === 'events.record')?.input as { event: Record<string, unknown> } | undefined)?.event

describe('record event: issue 10', () => {
  it('enters an end as a date only: shows the exact instant before saving and keeps the rule in the note', async () => {
    const { dialog, service } = await openDialog()
    await dialog.get('#event-kind').setValue('extended')
    await label(dialog, 'Through a date, inclusive (date only)').setValue(true)
    expect(dialog.text()).toContain('day X is included, so the end is 00:00 at the start of the next day in China Standard Time')
    await setDate(dialog, '2026-11-10', 1)
    await settle()
    // The instant it stands for, on the measure's legal clock, before anything is sent.
    expect(dialog.get('#event-until-day-result').text()).toBe('Ends at Nov 11, 2026, 00:00 GMT+8 (China Standard Time)')
    expect(service.calls.some((c) => c.method === 'events.record')).toBe(false)
    await dialog.get('form').trigger('submit')
    await settle()
    const event = recorded(service)!
    expect(event.until).toBe('2026-11-11T00:00:00+08:00[Asia/Shanghai]')
    expect(event.note).toBe('End written as a date only: through Nov 10, 2026 (inclusive) — ends at 00:00 of Nov 11, 2026, Asia/Shanghai.')
  })

  it('suspends part of the measure: points of the rate and a part of the scope', async () => {
    const { dialog, service } = await openDialog()
    await dialog.get('#event-kind').setValue('suspended')
    await label(dialog, 'Part of it').setValue(true)
    await label(dialog, 'Points or amount of the rate suspended').setValue('24')
    await label(dialog, 'Part of the scope suspended').setValue('Soybeans')
    await label(dialog, 'No end date (indefinite)').setValue(true)
    await dialog.get('form').trigger('submit')
    await settle()
    expect(recorded(service)).toMatchObject({
      kind: 'suspended',
      at: '2026-11-05T13:01:00+08:00[Asia/Shanghai]',
      until: null,
      part: { rate: 24, scope: 'Soybeans' },
    })
  })

  it('asks for what part is suspended when "Part of it" is chosen empty, next to the group', async () => {
    const { dialog, service } = await openDialog()
    await dialog.get('#event-kind').setValue('suspended')
    await label(dialog, 'Part of it').setValue(true)
    await label(dialog, 'No end date (indefinite)').setValue(true)
    await dialog.get('form').trigger('submit')
    await settle()
    expect(service.calls.some((c) => c.method === 'events.record')).toBe(false)
    expect(dialog.get('#event-part-error').text()).toContain('Give the points of the rate suspended, the part of the scope, or both')
  })

  it('records a rate step with its text, number and what a running suspension does to it', async () => {
    const { dialog, service } = await openDialog()
    await dialog.get('#event-kind').setValue('rate_step')
    await label(dialog, 'New rate').setValue('RMB 640/net ton')
    await label(dialog, 'Number').setValue('640')
    await label(dialog, 'Unit').setValue('amount')
    await label(dialog, 'Currency (ISO code, e.g. USD)').setValue('cny')
    await label(dialog, 'Charged per (e.g. net ton)').setValue('net ton')
    await label(dialog, 'If a suspension runs on that date').setValue('defer')
    await dialog.get('form').trigger('submit')
    await settle()
    expect(recorded(service)).toMatchObject({
      kind: 'rate_step',
      rate: 'RMB 640/net ton',
      rateValue: { value: 640, unit: 'amount', currency: 'CNY', per: 'net ton' },
      whenSuspended: 'defer',
    })
  })

  it('places the service’s VALIDATION issues on the rate-number fields', async () => {
    const { dialog } = await openDialog(() =>
      fail('VALIDATION', 'invalid', {
        issues: [{ path: ['event', 'rateValue', 'currency'], message: 'must be an ISO 4217 code such as USD' }],
      }),
    )
    await dialog.get('#event-kind').setValue('rate_step')
    await label(dialog, 'Number').setValue('80')
    await label(dialog, 'Unit').setValue('amount')
    await label(dialog, 'Currency (ISO code, e.g. USD)').setValue('US')
    await dialog.get('form').trigger('submit')
    await settle()
    expect(dialog.get('#event-rate-currency').attributes('aria-invalid')).toBe('true')
    expect(dialog.get('#event-rate-currency-error').text()).toContain('Enter a three-letter currency code such as USD')
  })
})
