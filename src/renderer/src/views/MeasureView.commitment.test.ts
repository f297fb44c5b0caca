// @vitest-environment happy-dom
// Issue 10, commitments on the measure page: target, deadline, latest figure and outcome; the
// figures recorded; recording one (progress.record) with errors placed next to their fields; and
// removing one after a confirmation (progress.remove).
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import type { MeasureDetail } from '../../../shared/api-views.ts'
import type { CommitmentOutcome, ProgressEntry } from '../../../shared/domain.ts'
import { fail } from '../../../shared/result.ts'
import { epochMs } from '../../../shared/time.ts'
import ToastHost from '../components/ToastHost.vue'
import { measureDetail } from '../test/detail.ts'
import { fakeService, harness, mountIn, settle, type Handler } from '../test/harness.ts'
import { setDate, setTime } from '../test/date-time-fields.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })
const DEADLINE = '2027-01-01T00:00:00+08:00[Asia/Shanghai]'
const UNIT = { en: 'million tonnes', 'zh-Hant': '百萬噸', 'zh-Hans': '百万吨' }
const FIRST: ProgressEntry = {
  id: 'p1',
  value: 12.1,
  asOf: '2026-06-30T00:00:00+08:00[Asia/Shanghai]',
  sourceIds: ['s2'],
  note: 'USDA export sales',
  recordedAt: '2026-07-05T10:00:00.000Z',
}

function soybeans(progress: ProgressEntry[], outcome: CommitmentOutcome = 'pending'): MeasureDetail {
  const base = measureDetail()
  const latest = progress[0] ?? null
  return {
    ...base,
    id: 'cn-soybeans',
    title: { en: 'Soybean purchases 2026' },
    imposer: 'CN',
    target: 'US',
    category: 'commitment',
    commitment: { target: 25, unit: UNIT, deadline: DEADLINE },
    progress,
    state: {
      ...base.state,
      status: 'in_force',
      suspendedUntil: null,
      next: { kind: 'commitment_deadline', at: DEADLINE, atMs: epochMs(DEADLINE), eventId: 'commitment' },
      commitment: {
        target: 25,
        unit: UNIT,
        deadline: DEADLINE,
        deadlineMs: epochMs(DEADLINE),
        progress: latest?.value ?? null,
        progressAsOf: latest?.asOf ?? null,
        outcome,
      },
    },
  }
}

async function open(handlers: Partial<Record<string, Handler>> = {}) {
  let progress = [FIRST]
  const service = fakeService({
    'measures.get': () => soybeans(progress),
    'measures.list': () => [],
    'progress.record': (input) => {
      const entry = {
        ...(input as { entry: Omit<ProgressEntry, 'id' | 'recordedAt'> }).entry,
        id: 'p2',
        recordedAt: '2026-12-04T00:00:00.000Z',
      } as ProgressEntry
      progress = [...progress, entry]
      return entry
    },
    'progress.remove': (input) => {
      const { progressId } = input as { progressId: string }
      progress = progress.filter((entry) => entry.id !== progressId)
      return { id: progressId }
    },
    ...handlers,
  })
  const hs = harness({ service })
  await hs.router.push('/measure/cn-soybeans')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Soybean purchases 2026'), { timeout: 10_000 })
  await settle()
  return { wrapper, service }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
type Wrapper = Awaited<ReturnType<typeof open>>['wrapper']
const section = (wrapper: Wrapper) => wrapper.get('section[aria-labelledby="commitment-title"]')
const labelled = (wrapper: Wrapper, name: string) => {
  const label = wrapper.findAll('label').find((l) => squash(l.text()) === name)
  if (!label) throw new Error(`no label "${name}"`)
  return wrapper.get(`#${CSS.escape(label.attributes('for')!)}`)
}
const button = (wrapper: Wrapper, name: string) => {
  const found = wrapper.findAll('button').find((b) => squash(b.text()) === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

describe('measure page: commitment', () => {
  it('shows target, deadline, latest figure, outcome and the figures recorded', async () => {
    const { wrapper } = await open()
    const facts = section(wrapper)
      .findAll('dt')
      .map((dt) => [dt.text(), squash((dt.element.nextElementSibling as HTMLElement).textContent ?? '')])
    expect(facts[0]).toEqual(['Target', '25 million tonnes'])
    expect(facts[1]![0]).toBe('Deadline')
    expect(facts[1]![1]).toMatch(/2026|2027/)
    expect(facts[2]).toEqual(['Latest progress', '12.1 of 25 million tonnes (as of Jun 30, 2026)'])
    expect(facts[3]).toEqual(['Outcome', '…Pending'])
    const entries = section(wrapper)
      .findAll('ul.entries > li')
      .map((li) => squash(li.text()))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toContain('12.1 million tonnes as of')
    expect(entries[0]).toContain('USDA export sales')
  })

  it('records a figure with its as-of instant, zone and source through progress.record', async () => {
    const { wrapper, service } = await open()
    await labelled(wrapper, 'Figure (million tonnes, cumulative)').setValue('20.5')
    const asOf = wrapper.findAll('fieldset').find((f) => f.get('legend').text() === 'As of')!
    await setDate(asOf, '2026-11-30')
    await setTime(asOf, '00:00')
    // Read on the clock the deadline is written in.
    expect((asOf.get('select:not(.month)').element as HTMLSelectElement).value).toBe('Asia/Shanghai')
    await asOf.get('select:not(.month)').setValue('Asia/Shanghai')
    const sources = wrapper
      .findAll('fieldset')
      .find((f) => f.get('legend').text() === 'Sources cited' && f.element.closest('.progress-form'))!
    await sources.findAll('input[type="checkbox"]')[1]!.setValue(true)
    await labelled(wrapper, 'Note').setValue('Cumulative to 30 Nov')
    await button(wrapper, 'Record progress').trigger('submit')
    await settle()
    const call = service.calls.find((c) => c.method === 'progress.record')
    expect(call?.input).toEqual({
      measureId: 'cn-soybeans',
      entry: { value: 20.5, asOf: '2026-11-30T00:00:00+08:00[Asia/Shanghai]', sourceIds: ['s2'], note: 'Cumulative to 30 Nov' },
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(() => expect(section(wrapper).findAll('ul.entries > li')).toHaveLength(2))
    expect(wrapper.text()).toContain('Progress recorded')
  })

  it('says what is wrong next to the field, from the page and from the service', async () => {
    const { wrapper, service } = await open({
      'progress.record': () =>
        fail('VALIDATION', 'cites unknown source "gone"', {
          issues: [{ path: ['entry', 'sourceIds'], message: 'cites unknown source "gone"' }],
        }),
    })
    await button(wrapper, 'Record progress').trigger('submit')
    await settle()
    const value = labelled(wrapper, 'Figure (million tonnes, cumulative)')
    expect(value.attributes('aria-invalid')).toBe('true')
    const describedBy = value.attributes('aria-describedby')!.split(' ')
    const error = describedBy.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))
    expect(error?.textContent).toContain('Required')
    expect(service.calls.some((c) => c.method === 'progress.record')).toBe(false)

    await value.setValue('3')
    await button(wrapper, 'Record progress').trigger('submit')
    await settle()
    const sources = wrapper.findAll('.progress-form fieldset').find((f) => f.get('legend').text() === 'Sources cited')!
    expect(sources.get('.field-error').text()).toContain('Cites a source this measure does not have')
  })

  it('removes a figure only after confirming, through progress.remove', async () => {
    const { wrapper, service } = await open()
    const remove = wrapper
      .findAll('button')
      .find((b) => b.attributes('aria-label')?.startsWith('Remove the figure 12.1 million tonnes as of'))!
    await remove.trigger('click')
    await settle()
    expect(service.calls.some((c) => c.method === 'progress.remove')).toBe(false)
    const confirm = button(wrapper, 'Remove figure')
    expect(document.activeElement).toBe(confirm.element)
    expect(squash(wrapper.get('.confirm').text())).toMatch(/^Remove the figure 12\.1 million tonnes as of .*\?/)
    await button(wrapper, 'Keep').trigger('click')
    await settle()
    expect(wrapper.find('.confirm').exists()).toBe(false)

    await remove.trigger('click')
    await settle()
    await button(wrapper, 'Remove figure').trigger('click')
    await settle()
    expect(service.calls.find((c) => c.method === 'progress.remove')?.input).toEqual({
      measureId: 'cn-soybeans',
      progressId: 'p1',
      baseRevision: '0123456789abcdef',
    })
    await vi.waitFor(() => expect(section(wrapper).text()).toContain('No progress recorded yet.'))
  })
})
