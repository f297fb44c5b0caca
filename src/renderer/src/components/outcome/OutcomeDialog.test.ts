// @vitest-environment happy-dom
// The outcome dialog (issue 11) as a person uses it: opened from a "Record outcome…" button, the
// outcomes that fit the lapsed change, dated at the deadline, one `events.recordOutcome` call with
// the source, errors next to their fields without a call, focus back where it was.
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import type { MeasureSummary } from '../../../../shared/api-views.ts'
import { fail } from '../../../../shared/result.ts'
import ToastHost from '../ToastHost.vue'
import { fakeService, harness, mountIn, settle } from '../../test/harness.ts'
import { setDate, shownDate, shownTime } from '../../test/date-time-fields.ts'
import { summary } from '../../test/fixtures.ts'
import { pageHandlers } from '../../test/page-fake.ts'
import OutcomeDialogHost from './OutcomeDialogHost.vue'
import RecordOutcomeButton from './RecordOutcomeButton.vue'

const ENDED = '2026-11-10T00:01:00-05:00[America/New_York]'
const SUNSET = '2026-11-12T00:00:00+08:00[Asia/Shanghai]'
const ships = summary('us-ships', { title: { en: 'Port fees' }, reviewReason: { kind: 'suspension_end', at: ENDED } })
const sunset = summary('cn-sunset', {
  title: { en: 'Sunset duty' },
  imposer: 'CN',
  target: 'US',
  reviewReason: { kind: 'terminated', at: SUNSET },
})
const successor = summary('us-successor', { title: { en: 'Port fees, second phase' } })

function mountWith(
  rows: MeasureSummary[],
  recordOutcome: (input: unknown) => unknown = (input) => ({ event: { ...(input as object), id: 'ev-1' }, source: null, link: null }),
) {
  const service = fakeService({
    ...pageHandlers(() => [...rows, successor]),
    'measures.get': () => fail('NOT_FOUND', 'not needed here'),
    'events.recordOutcome': recordOutcome,
  })
  const hs = harness({ service })
  const Page = defineComponent({
    render: () =>
      h('div', [
        h('main', { id: 'main' }, [
          h('h1', 'Board'),
          ...rows.map((row) =>
            h('div', { role: 'row' }, [h('a', { href: '#', 'data-row-focus': '' }, row.title.en), h(RecordOutcomeButton, { row })]),
          ),
        ]),
        h(OutcomeDialogHost),
        h(ToastHost),
      ]),
  })
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  const calls = () => service.calls.filter((c) => c.method === 'events.recordOutcome').map((c) => c.input)
  return { wrapper, calls }
}

async function openFor(wrapper: VueWrapper, title: string): Promise<DOMWrapper<Element>> {
  const button = wrapper.findAll('button').find((b) => b.attributes('aria-label') === `Record outcome for ${title}`)!
  ;(button.element as HTMLButtonElement).focus()
  await button.trigger('click')
  await settle()
  return wrapper.get('dialog') as unknown as DOMWrapper<Element>
}

const radios = (d: DOMWrapper<Element>) =>
  d.findAll<HTMLInputElement>('input[type="radio"]').filter((r) => r.attributes('name')?.endsWith('-outcome'))
const labelled = (d: DOMWrapper<Element>, text: string) => {
  const label = d.findAll('label').find((l) => l.text().trim() === text)
  if (!label) throw new Error(`no field "${text}"`)
  const forId = label.attributes('for')
  return forId ? d.get<HTMLInputElement>(`#${CSS.escape(forId)}`) : label.get<HTMLInputElement>('input')
}

describe('outcome dialog', () => {
  it('offers the outcomes that fit a suspension that ended, dated at the deadline on its legal clock', async () => {
    const { wrapper } = mountWith([ships])
    const d = await openFor(wrapper, 'Port fees')
    expect(d.get('h2').text()).toBe('Record what happened')
    expect(d.text()).toContain('Port fees')
    expect(d.text()).toContain('Suspension ended Nov 10, 2026')
    expect(radios(d).map((r) => r.element.parentElement!.textContent!.trim())).toEqual([
      'Extended',
      'Back in force (reinstated)',
      'Terminated',
      'Replaced by another measure',
      'Confirmed: nothing changed',
    ])
    expect(radios(d)[0]!.element.checked).toBe(true)
    const dated = d.findAll('fieldset').find((f) => f.get('legend').text() === 'Took effect')!
    expect([shownDate(dated), shownTime(dated)]).toEqual(['2026-11-10', '00:01'])
    expect((dated.get('select:not(.month)').element as HTMLSelectElement).value).toBe('America/New_York')
    // Save sits in the footer, outside the scrolling body.
    expect(d.get('.outcome-footer').text()).toContain('Save outcome')
    expect(d.find('.outcome-body button[type="submit"]').exists()).toBe(false)
  })

  it('a passed termination can only be confirmed', async () => {
    const { wrapper } = mountWith([sunset])
    const d = await openFor(wrapper, 'Sunset duty')
    expect(radios(d).map((r) => r.element.parentElement!.textContent!.trim())).toEqual(['Confirmed: nothing changed'])
    expect(d.text()).toContain('Recorded as checked now')
  })

  it('saves an extension until a date with its source in one call, closes, tells, and puts focus back', async () => {
    const { wrapper, calls } = mountWith([ships])
    const d = await openFor(wrapper, 'Port fees')
    const until = d.findAll('fieldset').find((f) => f.get('legend').text() === 'Extended until')!
    await setDate(until, '2027-11-10')
    await labelled(d, 'Web address').setValue('https://www.federalregister.gov/d/2026-1')
    await labelled(d, 'Citation (title)').setValue('Notice of continuation')
    await labelled(d, 'Confidence').setValue('secondary')
    await labelled(d, 'Note (optional)').setValue('  One more year. ')
    await d.get('form').trigger('submit')
    await settle()
    expect(calls()).toEqual([
      {
        measureId: 'us-ships',
        outcome: 'extended',
        at: ENDED,
        until: '2027-11-10T00:01:00-05:00[America/New_York]',
        relation: 'related',
        sourceIds: [],
        note: 'One more year.',
        source: { url: 'https://www.federalregister.gov/d/2026-1', title: 'Notice of continuation', confidence: 'secondary' },
      },
    ])
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(wrapper.text()).toContain('“Port fees”: Extended recorded')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Record outcome for Port fees')
  })

  it('refuses a citation without its address and a replacement not chosen, next to the fields, without calling the service', async () => {
    const { wrapper, calls } = mountWith([ships])
    const d = await openFor(wrapper, 'Port fees')
    await radios(d)[3]!.setValue(true)
    await labelled(d, 'Citation (title)').setValue('Gazette No. 12')
    await d.get('form').trigger('submit')
    await settle()
    expect(calls()).toEqual([])
    expect(d.text()).toContain('A source needs its web address')
    expect(d.text()).toContain('Choose the measure that replaced it')
    expect(labelled(d, 'Web address').attributes('aria-invalid')).toBe('true')
  })

  it('finds the replacement by title among the other measures and links it as chosen', async () => {
    const { wrapper, calls } = mountWith([ships])
    const d = await openFor(wrapper, 'Port fees')
    await radios(d)[3]!.setValue(true)
    await settle()
    await labelled(d, 'Find the measure by title').setValue('second phase')
    await settle()
    const matches = d.get('[role="radiogroup"]')
    expect(matches.attributes('aria-label')).toBe('Matching measures')
    // The measure itself is never offered.
    expect(matches.text()).not.toMatch(/^Port fees \(/)
    await matches.get('input').setValue(true)
    await labelled(d, 'Link as').setValue('counter')
    await d.get('form').trigger('submit')
    await settle()
    expect(calls()).toMatchObject([{ outcome: 'replaced', at: ENDED, replacementId: 'us-successor', relation: 'counter' }])
  })

  it('shows the service’s refusal next to the field it names and stays open', async () => {
    const { wrapper } = mountWith([ships], () =>
      fail('VALIDATION', 'until: the end must come after the start', {
        issues: [{ path: ['until'], message: 'the end (x) must come after the start (y)' }],
      }),
    )
    const d = await openFor(wrapper, 'Port fees')
    const until = d.findAll('fieldset').find((f) => f.get('legend').text() === 'Extended until')!
    await setDate(until, '2027-11-10')
    await d.get('form').trigger('submit')
    await settle()
    expect(wrapper.find('dialog').exists()).toBe(true)
    expect(until.text()).toContain('The end must come after the start')
  })

  it('says a refusal aimed at no field of the form at the top', async () => {
    const { wrapper } = mountWith([ships], () =>
      fail('VALIDATION', 'a measure has at most 200 sources', {
        issues: [{ path: ['source'], message: 'a measure has at most 200 sources' }],
      }),
    )
    const d = await openFor(wrapper, 'Port fees')
    await radios(d)[1]!.setValue(true)
    await d.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('dialog [role="alert"]').text()).toContain('a measure has at most 200 sources')
  })
})
