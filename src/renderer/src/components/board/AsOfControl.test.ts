// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import AsOfControl from './AsOfControl.vue'
import AsOfBanner from '../AsOfBanner.vue'
import { useClockStore } from '../../stores/clock.ts'
import { Temporal } from '../../../../shared/time.ts'
import { harness, mountIn } from '../../test/harness.ts'
import { setDate, setTime, shownDate, shownTime } from '../../test/date-time-fields.ts'

const Both = defineComponent({ render: () => [h(AsOfBanner), h(AsOfControl)] })

describe('as-of control', () => {
  it('turns a date, time and zone into an RFC 9557 instant, says so plainly, and goes back to now', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, Both, { attachTo: document.body })
    expect(wrapper.find('[role="status"]').text()).toBe('')

    await wrapper.get('#as-of-zone').setValue('UTC')
    await setDate(wrapper, '2026-11-09')
    await setTime(wrapper, '17:00')
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
    expect(shownDate(wrapper)).toBe(now.toPlainDate().toString())
    expect(shownTime(wrapper)).not.toBe('17:00')
    expect(wrapper.text()).toContain('Live: the board follows the current time.')
    wrapper.unmount()
  })

  it('changing only the zone keeps the instant the fields name', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    await wrapper.get('#as-of-zone').setValue('UTC')
    await setDate(wrapper, '2026-11-09')
    await setTime(wrapper, '17:00')
    await wrapper.get('#as-of-zone').setValue('Asia/Shanghai')
    expect(shownDate(wrapper)).toBe('2026-11-10')
    expect(shownTime(wrapper)).toBe('01:00')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBe('2026-11-10T01:00:00+08:00[Asia/Shanghai]')
    expect(clock.reference).toBe(Date.UTC(2026, 10, 9, 17))
  })

  it('refuses an incomplete instant and says why', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    await setDate(wrapper, '')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBeNull()
    expect(wrapper.get('.field-error').text()).toBe('Enter a valid date and time')
    expect(wrapper.get('.date-input input.year').attributes('aria-invalid')).toBe('true')
  })

  it('refuses a date that does not exist (31 February) rather than rolling it over', async () => {
    const hs = harness()
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    await setDate(wrapper, '2026-02-28')
    await wrapper.get('.date-input input.day').setValue('31')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBeNull()
    expect(wrapper.get('.field-error').text()).toBe('Enter a valid date and time')
  })

  it('in Chinese lays the date out as 年月日, the time on a 24-hour clock, and the zone by its name', async () => {
    const hs = harness({ locale: 'zh-Hant' })
    const clock = useClockStore()
    const wrapper = mountIn(hs, AsOfControl)
    await wrapper.get('#as-of-zone').setValue('America/New_York')
    // A whole date pasted into the year fills every part.
    await wrapper.get('.date-input input.year').setValue('2026年11月10日')
    await setTime(wrapper, '00:01')
    expect(wrapper.get('.date-input').text().replace(/\s+/g, '')).toMatch(/^年.*月日$/)
    expect((wrapper.get('.date-input select.month').element as HTMLSelectElement).selectedOptions[0]?.text).toBe('11')
    expect(wrapper.get('.date-input input.year').attributes('aria-label')).toBe('年')
    expect((wrapper.get('#as-of-zone').element as HTMLSelectElement).selectedOptions[0]?.text).toBe('東部時間（America/New_York）')
    expect(wrapper.get('#as-of-zone').text()).not.toContain('[UTC]')
    await wrapper.get('form').trigger('submit')
    expect(clock.asOf).toBe('2026-11-10T00:01:00-05:00[America/New_York]')
  })
})
