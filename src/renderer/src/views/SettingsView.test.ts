// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import ToastHost from '../components/ToastHost.vue'
import { parseLeadDays } from '../logic/lead-days.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h('main', { id: 'main' }, [h(RouterView)]), h(ToastHost)]) })

async function open() {
  let leadDays = [90, 30, 7, 1]
  const service = fakeService({
    'reminders.settings': () => ({ leadDays }),
    'reminders.setLeadDays': (input) => {
      leadDays = [...(input as { leadDays: number[] }).leadDays].sort((a, b) => b - a)
      return { leadDays }
    },
  })
  const hs = harness({ service })
  await hs.router.push('/settings')
  const wrapper = mountIn(hs, Page, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Settings'), { timeout: 10_000 })
  await settle()
  const input = () => wrapper.get<HTMLInputElement>('#settings-lead-days')
  const saves = () => service.calls.filter((c) => c.method === 'reminders.setLeadDays').map((c) => c.input)
  return { wrapper, input, saves }
}

describe('reminder lead times', () => {
  it('reads typed lead times as the service checks them', () => {
    expect(parseLeadDays('90, 30, 7, 1').days).toEqual([90, 30, 7, 1])
    expect(parseLeadDays('1 7，14、0').days).toEqual([14, 7, 1, 0])
    expect(parseLeadDays('').issues.map((i) => i.key)).toEqual(['leadDaysNone'])
    expect(parseLeadDays('7, x, -1, 3651, 2.5').issues.map((i) => [i.key, i.params.value])).toEqual([
      ['leadDaysNumber', 'x'],
      ['leadDaysNumber', '-1'],
      ['leadDaysNumber', '3651'],
      ['leadDaysNumber', '2.5'],
    ])
    expect(parseLeadDays('7, 7, 7').issues.map((i) => i.key)).toEqual(['leadDaysRepeated'])
    expect(parseLeadDays('1,2,3,4,5,6,7,8,9,10,11').issues.map((i) => i.key)).toEqual(['leadDaysTooMany'])
  })

  it('shows the current lead times, saves new ones and explains what is wrong', async () => {
    const { wrapper, input, saves } = await open()
    expect(wrapper.get('label[for="settings-lead-days"]').text()).toBe('Lead times (days before each deadline)')
    expect(input().element.value).toBe('90, 30, 7, 1')
    expect(wrapper.text()).toContain('Default: 90, 30, 7, 1')

    await input().setValue('60, sixty, 60')
    await wrapper.get('form').trigger('submit')
    expect(saves()).toEqual([])
    expect(input().attributes('aria-invalid')).toBe('true')
    expect(input().attributes('aria-describedby')).toContain('settings-lead-days-error')
    expect(wrapper.get('#settings-lead-days-error').text()).toContain('“sixty” is not a whole number of days from 0 to 3650')
    expect(wrapper.get('#settings-lead-days-error').text()).toContain('60 is listed more than once')

    await input().setValue('14, 60, 3')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(saves()).toEqual([{ leadDays: [60, 14, 3] }])
    expect(input().element.value).toBe('60, 14, 3')
    expect(wrapper.text()).toContain('Reminder lead times saved')
    expect(wrapper.text()).toContain('Now: 60, 14, 3 days before each deadline')

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Restore defaults')!
      .trigger('click')
    expect(input().element.value).toBe('90, 30, 7, 1')
  })

  it('says "day" for a single lead time of one day, "days" otherwise', async () => {
    const { wrapper, input } = await open()
    for (const [typed, said] of [
      ['1', 'Now: 1 day before each deadline'],
      ['0', 'Now: 0 days before each deadline'],
      ['1, 0', 'Now: 1, 0 days before each deadline'],
    ]) {
      await input().setValue(typed)
      await wrapper.get('form').trigger('submit')
      await settle()
      expect(wrapper.get('p.current').text()).toBe(said)
    }
  })
})
