// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import AsOfControl from './AsOfControl.vue'
import AsOfBanner from '../AsOfBanner.vue'
import { useClockStore } from '../../stores/clock.ts'
import { Temporal } from '../../../../shared/time.ts'
import { harness, mountIn } from '../../test/harness.ts'

const Both = defineComponent({ render: () => [h(AsOfBanner), h(AsOfControl)] })

describe('as-of control', () => {
  it('turns a date, time and zone into an RFC 9557 instant, says so plainly, and goes back to now', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, Both, { attachTo: document.body })
    expect(wrapper.find('[role="status"]').text()).toBe('')

    const field = (label: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === label)!
          .attributes('for')}`,
      )
    await field('As-of zone').setValue('UTC')
    await field('As-of date').setValue('2026-11-09')
    await field('As-of time').setValue('17:00')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBe('2026-11-09T17:00:00+00:00[UTC]')
    expect(clock.reference).toBe(Date.UTC(2026, 10, 9, 17))
    expect(wrapper.get('[role="status"]').text()).toContain('Showing the situation as of Nov 9, 2026, 17:00 UTC — not now')

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Back to now')!
      .trigger('click')
    expect(clock.asOf).toBeNull()
    expect(wrapper.get('[role="status"]').text()).toBe('')
    // Back to now resets the fields to the current time (in the zone chosen), not the old instant.
    await wrapper.vm.$nextTick()
    const now = Temporal.Now.zonedDateTimeISO('UTC')
    expect((field('As-of date').element as HTMLInputElement).value).toBe(now.toPlainDate().toString())
    expect((field('As-of time').element as HTMLInputElement).value).not.toBe('17:00')
    expect(wrapper.text()).toContain('Live: the board follows the current time.')
    wrapper.unmount()
  })

  it('changing only the zone keeps the instant the fields name', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    const field = (label: string) =>
      wrapper.get(
        `#${wrapper
          .findAll('label')
          .find((l) => l.text() === label)!
          .attributes('for')}`,
      )
    await field('As-of zone').setValue('UTC')
    await field('As-of date').setValue('2026-11-09')
    await field('As-of time').setValue('17:00')
    await field('As-of zone').setValue('Asia/Shanghai')
    expect((field('As-of date').element as HTMLInputElement).value).toBe('2026-11-10')
    expect((field('As-of time').element as HTMLInputElement).value).toBe('01:00')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBe('2026-11-10T01:00:00+08:00[Asia/Shanghai]')
    expect(clock.reference).toBe(Date.UTC(2026, 10, 9, 17))
  })

  it('refuses an incomplete instant and says why', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    await wrapper.get('input[type="date"]').setValue('')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBeNull()
    expect(wrapper.get('.field-error').text()).toBe('Enter a valid date and time')
    expect(wrapper.get('input[type="date"]').attributes('aria-invalid')).toBe('true')
  })
})
