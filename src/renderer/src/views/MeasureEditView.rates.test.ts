// @vitest-environment happy-dom
// Issue 10 in the editor: a rate's number beside its words, and a commitment's target, unit and
// deadline (so a commitment made in the app can have progress recorded against it).
import { describe, expect, it } from 'vitest'
import MeasureEditView from './MeasureEditView.vue'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import { setDate } from '../test/date-time-fields.ts'

function labelled(wrapper: ReturnType<typeof mountIn>, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text() === text)
  if (!label) throw new Error(`no label "${text}"`)
  return wrapper.get(`#${label.attributes('for')}`)
}

async function fillBasics(wrapper: ReturnType<typeof mountIn>, category: string): Promise<void> {
  await labelled(wrapper, 'Title (English)').setValue('Soybean purchases 2029')
  await labelled(wrapper, 'Imposed by').setValue('CN')
  await labelled(wrapper, 'Targeting').setValue('US')
  await labelled(wrapper, 'Category').setValue(category)
}

describe('measure editor: rate number and commitment', () => {
  it('creates a commitment with its target, unit in three languages and deadline on the Beijing clock', async () => {
    const service = fakeService({ 'measures.create': (input) => ({ id: 'new', ...(input as object) }), 'measures.list': () => [] })
    const hs = harness({ service })
    const wrapper = mountIn(hs, MeasureEditView, { attachTo: document.body })
    await settle()
    await fillBasics(wrapper, 'commitment')
    await labelled(wrapper, 'Target (number)').setValue('25')
    await labelled(wrapper, 'Counted in (English), e.g. million tonnes').setValue('million tonnes')
    await labelled(wrapper, 'Counted in (Traditional Chinese)').setValue('百萬噸')
    await labelled(wrapper, 'Counted in (Simplified Chinese)').setValue('百万吨')
    const deadline = wrapper.findAll('fieldset').find((f) => f.get('legend').text() === 'Deadline')!
    // The zone follows the imposing party's legal clock.
    expect((deadline.get('select:not(.month)').element as HTMLSelectElement).value).toBe('Asia/Shanghai')
    await setDate(deadline, '2030-01-01')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'measures.create')?.input).toMatchObject({
      facts: {
        category: 'commitment',
        rateValue: null,
        commitment: {
          target: 25,
          unit: { en: 'million tonnes', 'zh-Hant': '百萬噸', 'zh-Hans': '百万吨' },
          deadline: '2030-01-01T00:00:00+08:00[Asia/Shanghai]',
        },
      },
    })
    wrapper.unmount()
  })

  it('asks for a commitment’s target and deadline next to their fields', async () => {
    const service = fakeService()
    const hs = harness({ service })
    const wrapper = mountIn(hs, MeasureEditView, { attachTo: document.body })
    await settle()
    await fillBasics(wrapper, 'commitment')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.calls).toEqual([])
    const target = labelled(wrapper, 'Target (number)')
    expect(target.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#facts-commitmentTarget-error').text()).toContain('Required')
    const deadline = wrapper.findAll('fieldset').find((f) => f.get('legend').text() === 'Deadline')!
    expect(deadline.get('.field-error').text()).toContain('Enter a valid date and time')
    wrapper.unmount()
  })

  it('records a rate’s number with its currency, and keeps it through an edit', async () => {
    const detail = {
      id: 'm1',
      title: { en: 'Port fees' },
      shortName: '',
      imposer: 'US',
      target: 'CN',
      category: 'port_fee',
      authority: '',
      instrument: '',
      instrumentNumber: '',
      scope: '',
      rate: 'USD 50 per net ton',
      tags: [],
      summary: '',
      rateValue: { value: 50, unit: 'amount', currency: 'USD', per: 'net ton' },
      commitment: null,
    }
    const service = fakeService({ 'measures.get': () => detail, 'measures.update': () => detail, 'measures.list': () => [] })
    const hs = harness({ service })
    await hs.router.push('/measure/m1/edit')
    const wrapper = mountIn(hs, MeasureEditView, { props: { id: 'm1' } })
    await settle()
    expect((labelled(wrapper, 'Number').element as HTMLInputElement).value).toBe('50')
    expect((labelled(wrapper, 'Currency (ISO code, e.g. USD)').element as HTMLInputElement).value).toBe('USD')
    await labelled(wrapper, 'Number').setValue('80')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'measures.update')?.input).toMatchObject({
      id: 'm1',
      facts: { rateValue: { value: 80, unit: 'amount', currency: 'USD', per: 'net ton' }, commitment: null },
    })
  })
})
