// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import MeasureEditView from './MeasureEditView.vue'
import { fail } from '../../../shared/result.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

function labelled(wrapper: ReturnType<typeof mountIn>, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text() === text)
  if (!label) throw new Error(`no label "${text}"`)
  return wrapper.get(`#${label.attributes('for')}`)
}

function errorOf(wrapper: ReturnType<typeof mountIn>, control: ReturnType<typeof labelled>): string {
  const ids = (control.attributes('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'))
  return ids.map((id) => wrapper.get(`#${id}`).text()).join(' ')
}

describe('measure editor', () => {
  it('checks the form with the shared schema before sending, next to each field', async () => {
    const service = fakeService()
    const hs = harness({ service })
    const wrapper = mountIn(hs, MeasureEditView, { attachTo: document.body })
    await settle()
    await wrapper.get('form').trigger('submit')
    await settle()
    const title = labelled(wrapper, 'Title (English)')
    expect(title.attributes('aria-invalid')).toBe('true')
    expect(errorOf(wrapper, title)).toContain('Required')
    expect(errorOf(wrapper, labelled(wrapper, 'Imposed by'))).toContain('Choose a party (ISO country code or EU)')
    expect(errorOf(wrapper, labelled(wrapper, 'Category'))).toContain('Choose one of the options')
    expect(service.calls).toEqual([])
    wrapper.unmount()
  })

  it("places the host's validation issues next to their fields, in the UI language", async () => {
    const service = fakeService({
      'measures.create': () =>
        fail('VALIDATION', 'facts.rate: Too big', {
          issues: [{ path: ['facts', 'rate'], message: 'Too big: expected string to have <=300 characters' }],
        }),
    })
    const hs = harness({ service, locale: 'zh-Hant' })
    const wrapper = mountIn(hs, MeasureEditView, { attachTo: document.body })
    await settle()
    await labelled(wrapper, '標題（英文）').setValue('Port fees')
    await labelled(wrapper, '實施方').setValue('US')
    await labelled(wrapper, '針對對象').setValue('CN')
    await labelled(wrapper, '類別').setValue('port_fee')
    await labelled(wrapper, '標籤').setValue('ships, truce')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.calls.map((c) => c.method)).toEqual(['measures.create'])
    expect(service.calls[0]!.input).toMatchObject({
      facts: { title: { en: 'Port fees' }, imposer: 'US', target: 'CN', category: 'port_fee', tags: ['ships', 'truce'] },
    })
    const rate = labelled(wrapper, '稅率')
    expect(rate.attributes('aria-invalid')).toBe('true')
    expect(errorOf(wrapper, rate)).toContain('最多 300 個字元')
    wrapper.unmount()
  })

  it('saves an edit and opens the measure page', async () => {
    const detail = {
      id: 'm1',
      title: { en: 'Old' },
      shortName: '',
      imposer: 'US',
      target: 'CN',
      category: 'tariff',
      authority: '',
      instrument: '',
      instrumentNumber: '',
      scope: '',
      rate: null,
      tags: [],
      summary: '',
    }
    const service = fakeService({
      'measures.get': () => detail,
      'measures.update': () => ({ ...detail, title: { en: 'New' } }),
      'measures.list': () => [],
    })
    const hs = harness({ service })
    await hs.router.push('/measure/m1/edit')
    const wrapper = mountIn(hs, MeasureEditView, { props: { id: 'm1' } })
    await settle()
    expect((labelled(wrapper, 'Title (English)').element as HTMLInputElement).value).toBe('Old')
    await labelled(wrapper, 'Title (English)').setValue('New')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(service.calls.find((c) => c.method === 'measures.update')?.input).toMatchObject({ id: 'm1', facts: { title: { en: 'New' } } })
    // The measure page's code loads on demand: wait for the navigation to land.
    await vi.waitFor(() => expect(hs.router.currentRoute.value.fullPath).toBe('/measure/m1'), { timeout: 10_000 })
  })

  it('after another change to the measure, keeps what was typed, takes in theirs, names what both changed, and saves on the new revision', async () => {
    const base = { id: 'm1', shortName: '', imposer: 'US', target: 'CN', category: 'tariff', authority: '', instrument: '' }
    const rest = { instrumentNumber: '', rate: null, tags: [], summary: '' }
    const opened = { ...base, ...rest, title: { en: 'Port fees' }, scope: 'All vessels', editRevision: 'aaaaaaaaaaaaaaaa' }
    // Meanwhile someone else retitled it and changed its short name.
    const theirs = { ...opened, title: { en: 'Section 301 port fees' }, shortName: 'USTR fees', editRevision: 'bbbbbbbbbbbbbbbb' }
    let current = opened
    const service = fakeService({
      'measures.get': () => current,
      'measures.update': (input) =>
        (input as { baseRevision?: string }).baseRevision === current.editRevision
          ? current
          : fail('CONFLICT', 'changed meanwhile', {
              reason: 'stale',
              measureId: 'm1',
              editRevision: current.editRevision,
              change: { actor: 'cli:alice', at: '2026-12-05T09:00:00Z', action: 'measures.update' },
            }),
      'measures.list': () => [],
    })
    const hs = harness({ service })
    await hs.router.push('/measure/m1/edit')
    const wrapper = mountIn(hs, MeasureEditView, { props: { id: 'm1' }, attachTo: document.body })
    await settle()
    await labelled(wrapper, 'Scope').setValue('Chinese-built vessels')
    await labelled(wrapper, 'Short name').setValue('Fees')
    current = theirs
    await wrapper.get('form').trigger('submit')
    await settle()
    const notice = wrapper.get('#facts-conflict')
    expect(notice.attributes('role')).toBe('alert')
    expect(notice.text()).toContain('cli:alice changed this measure')
    expect(notice.text()).toContain('Their change to Title (English) is now in the form.')
    expect(notice.text()).toContain('They also changed Short name: your text is kept.')
    expect(document.activeElement).toBe(notice.element)
    expect((labelled(wrapper, 'Title (English)').element as HTMLInputElement).value).toBe('Section 301 port fees')
    expect((labelled(wrapper, 'Scope').element as HTMLInputElement).value).toBe('Chinese-built vessels')
    expect((labelled(wrapper, 'Short name').element as HTMLInputElement).value).toBe('Fees')
    expect(hs.router.currentRoute.value.fullPath).toBe('/measure/m1/edit')
    await wrapper.get('form').trigger('submit')
    await settle()
    const updates = service.calls.filter((c) => c.method === 'measures.update').map((c) => c.input as { baseRevision?: string })
    expect(updates.map((input) => input.baseRevision)).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'])
    await vi.waitFor(() => expect(hs.router.currentRoute.value.fullPath).toBe('/measure/m1'), { timeout: 10_000 })
    wrapper.unmount()
  })
})
