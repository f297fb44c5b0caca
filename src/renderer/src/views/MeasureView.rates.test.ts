// @vitest-environment happy-dom
// Issue 10 on the measure page: a partly suspended measure's status and facts with the rate in
// effect; rate steps on the timeline as labelled upcoming steps with their policy; the part a
// suspension covers; a date-only end's rule in the event's note.
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { MeasureDetail } from '../../../shared/api-views.ts'
import type { Locale, MeasureEvent } from '../../../shared/domain.ts'
import { epochMs } from '../../../shared/time.ts'
import ToastHost from '../components/ToastHost.vue'
import { useClockStore } from '../stores/clock.ts'
import { measureDetail } from '../test/detail.ts'
import { PARTLY_SUSPENDED } from '../test/fixtures.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })
const NOW = epochMs('2026-06-01T12:00:00+00:00[UTC]')

const event = (fields: Partial<MeasureEvent> & Pick<MeasureEvent, 'id' | 'kind' | 'at'>): MeasureEvent => ({
  until: null,
  scheduled: false,
  rate: null,
  scope: null,
  sourceIds: [],
  note: '',
  alternatives: [],
  rateValue: null,
  part: null,
  whenSuspended: null,
  ...fields,
})

const UNTIL = '2026-11-10T13:01:00+08:00[Asia/Shanghai]'
const STEP_AT = '2027-06-23T00:00:00-04:00[America/New_York]'

function reciprocal(): MeasureDetail {
  const base = measureDetail()
  return {
    ...base,
    id: 'cn-counter',
    title: { en: 'Counter-tariff of 34%', 'zh-Hant': '加徵34%關稅', 'zh-Hans': '加征34%关税' },
    imposer: 'CN',
    target: 'US',
    category: 'tariff',
    rate: '34%',
    rateValue: { value: 34, unit: 'percent' },
    events: [
      event({
        id: 'eff',
        kind: 'effective',
        at: '2025-04-10T12:01:00+08:00[Asia/Shanghai]',
        rate: '34%',
        rateValue: { value: 34, unit: 'percent' },
      }),
      event({
        id: 'susp',
        kind: 'suspended',
        at: '2025-05-14T12:01:00+08:00[Asia/Shanghai]',
        until: UNTIL,
        part: { rate: 24, scope: null },
        note: 'End written as a date only: through 10 Nov 2026 (inclusive) — ends at 00:00 of 11 Nov 2026, Asia/Shanghai.',
      }),
      event({ id: 'step', kind: 'rate_step', at: STEP_AT, rate: 'to be announced', whenSuspended: 'defer' }),
    ],
    state: {
      ...base.state,
      ...PARTLY_SUSPENDED,
      since: '2025-05-14T12:01:00+08:00[Asia/Shanghai]',
      next: { kind: 'suspension_end', at: UNTIL, atMs: epochMs(UNTIL), eventId: 'susp' },
      suspendedUntil: UNTIL,
    },
    transitions: [
      { kind: 'effective', at: '2025-04-10T12:01:00+08:00[Asia/Shanghai]', eventId: 'eff' },
      { kind: 'suspended', at: '2025-05-14T12:01:00+08:00[Asia/Shanghai]', eventId: 'susp' },
      { kind: 'suspension_end', at: UNTIL, eventId: 'susp' },
      { kind: 'rate_step', at: STEP_AT, eventId: 'step' },
    ],
  }
}

async function open(locale: Locale = 'en') {
  const detail = reciprocal()
  const service = fakeService({ 'measures.get': () => detail, 'measures.list': () => [] })
  const hs = harness({ service, locale })
  useClockStore().now = NOW
  await hs.router.push('/measure/cn-counter')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe(detail.title[locale]), { timeout: 10_000 })
  await settle()
  return wrapper
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('measure page: partial suspension and rate steps', () => {
  it.each([
    ['en', 'Partly suspended — 10% in effect (34%, 24 points suspended)'],
    ['zh-Hant', '部分暫停 — 現行10%（全額34%，暫停24個百分點）'],
    ['zh-Hans', '部分暂停 — 现行10%（全额34%，暂停24个百分点）'],
  ] as const)('says what is in effect in the heading and the status (%s)', async (locale, expected) => {
    const wrapper = await open(locale)
    expect(squash(wrapper.get('.measure-head .status-with-rate').text())).toBe(expected)
    expect(squash(wrapper.get('.status-panel .status-with-rate').text())).toBe(expected)
  })

  it('lists the full rate and the rate in effect among the facts and the status', async () => {
    const wrapper = await open()
    const facts = wrapper
      .findAll('.facts dt')
      .map((dt) => [dt.text(), squash((dt.element.nextElementSibling as HTMLElement).textContent ?? '')])
    expect(facts).toContainEqual(['Rate', '34%'])
    expect(facts).toContainEqual(['Rate in effect', '10% in effect (34%, 24 points suspended)'])
    const panel = wrapper
      .findAll('.status-panel dt')
      .map((dt) => [dt.text(), squash((dt.element.nextElementSibling as HTMLElement).textContent ?? '')])
    expect(panel).toContainEqual(['Rate in effect', '10%'])
  })

  it('shows the part a suspension covers, a rate step as an upcoming step with its policy, and the date-only rule', async () => {
    const wrapper = await open()
    const items = wrapper.findAll('.timeline > li').map((li) => squash(li.text()))
    const suspension = items.find((text) => text.includes('Suspended ·'))!
    expect(suspension).toContain('Part suspended: 24 points of the rate')
    expect(suspension).toContain('ends at 00:00 of 11 Nov 2026, Asia/Shanghai')
    const step = items.find((text) => text.includes('Rate step'))!
    expect(step).toContain('Upcoming')
    expect(step).toContain('New rate: to be announced')
    expect(step).toContain('If a suspension runs then: Held until the suspension ends, then applies')
  })
})
