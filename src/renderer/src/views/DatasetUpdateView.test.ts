// @vitest-environment happy-dom
// The dataset update review: a file opened through the desktop's dialog is diffed by the service
// and shown per measure in readable terms (new measure, a corrected date "was → new", the user's
// title beside the dataset's, a dropped measure); only the ticked measures are applied; undo says
// clearly when it is refused. Arriving with ?source=embedded reviews the dataset the app ships.
import { describe, expect, it } from 'vitest'
import type { DatasetDiff, DatasetMeasureUpdate } from '../../../shared/dataset-update.ts'
import { fail } from '../../../shared/result.ts'
import { fakeService, harness, mountIn, mountOver, settle } from '../test/harness.ts'
import DatasetUpdateView from './DatasetUpdateView.vue'

const NY = '[America/New_York]'
const update = (u: Partial<DatasetMeasureUpdate> & Pick<DatasetMeasureUpdate, 'id' | 'kind'>): DatasetMeasureUpdate => ({
  title: { en: u.id },
  eventKinds: {},
  changes: [],
  conflicts: [],
  ...u,
})

const DIFF: DatasetDiff = {
  from: { id: 'us-cn-truce-2025', version: 3 },
  to: { id: 'us-cn-truce-2025', version: 4 },
  updates: [
    update({
      id: 'fx-new',
      kind: 'new',
      title: { en: 'Fixture measure new in the next dataset' },
      revision: { from: null, to: 1 },
      changes: [
        {
          path: '',
          kind: 'added',
          next: { id: 'fx-new', events: [{ id: 'effective', kind: 'effective', at: `2026-12-01T00:01:00-05:00${NY}` }] },
        },
      ],
    }),
    update({
      id: 'us-ustr-301-exclusions',
      kind: 'changed',
      title: { en: 'Section 301 exclusions' },
      eventKinds: { 'terminated-2026-11-10': 'terminated' },
      revision: { from: 2, to: 3 },
      changes: [
        {
          path: 'events[terminated-2026-11-10].at',
          kind: 'changed',
          base: `2026-11-10T00:01:00-05:00${NY}`,
          next: `2026-11-11T00:00:00-05:00${NY}`,
          local: `2026-11-10T00:01:00-05:00${NY}`,
        },
      ],
    }),
    update({
      id: 'us-section-122-tariff',
      kind: 'changed',
      title: { en: 'Section 122 surcharge — my wording' },
      conflicts: [
        {
          path: 'title.en',
          kind: 'conflict',
          base: 'Section 122 surcharge',
          next: 'Section 122 temporary import surcharge (global, 150 days)',
          local: 'Section 122 surcharge — my wording',
        },
      ],
    }),
    update({
      id: 'old-measure',
      kind: 'removed',
      title: { en: 'A measure the dataset dropped' },
      changes: [{ path: '', kind: 'removed' }],
    }),
  ],
}

describe('the dataset update review', () => {
  it('opens a file through the desktop dialog, shows each measure readably and applies only what is ticked', async () => {
    const service = fakeService(
      {
        'dataset.diff': () => DIFF,
        'dataset.apply': (input) => ({ from: DIFF.from, to: DIFF.to, measureIds: (input as { measureIds: string[] }).measureIds }),
        'dataset.undo': () => fail('CONFLICT', 'us-section-122-tariff changed since it was applied'),
      },
      { kind: 'electron', openDatasetFile: () => ({ ok: true, value: { name: 'us-cn-truce-2025-v4.json', file: { dataset: DIFF.to } } }) },
    )
    const { wrapper, calls, button } = await mountOver(service, DatasetUpdateView)
    await button('Open dataset file…')!.trigger('click')
    await settle()
    expect(calls('dataset.diff')).toEqual([{ file: { dataset: DIFF.to } }])
    const text = wrapper.text()
    expect(text).toContain('Review: us-cn-truce-2025-v4.json')
    expect(text).toContain('us-cn-truce-2025 v3 → us-cn-truce-2025 v4')
    expect(text).toContain('New measure: Fixture measure new in the next dataset')
    expect(text).toContain('Terminated — date')
    // The dataset's revision of each measure, where the file gives one.
    expect(text).toContain('Dataset revision 2 → 3')
    expect(text).toContain('Dataset revision 1')
    expect(wrapper.findAll('time').map((t) => t.attributes('datetime'))).toEqual(
      expect.arrayContaining(['2026-11-10T05:01:00.000Z', '2026-11-11T05:00:00.000Z']),
    )
    expect(text).toContain('yours stays in use until you pick')
    expect(text).toContain('Yours: Section 122 surcharge — my wording')
    expect(text).toContain('Dataset: Section 122 temporary import surcharge (global, 150 days)')
    expect(text).toContain('Dropped from the dataset: A measure the dataset dropped')

    // Every checkbox is labelled; the new and changed measures start ticked, the removal does not.
    const boxes = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]')
    expect(boxes.map((b) => [b.element.labels?.[0]?.textContent?.trim(), b.element.checked])).toEqual([
      ['Apply', true],
      ['Apply', true],
      ['Apply', true],
      ['Remove (to the trash)', false],
    ])
    await boxes[0]!.setValue(false)
    expect(button('Apply 2 chosen')).toBeDefined()
    await wrapper.get('form.review').trigger('submit')
    await settle()
    expect(calls('dataset.apply')).toEqual([
      { file: { dataset: DIFF.to }, measureIds: ['us-ustr-301-exclusions', 'us-section-122-tariff'], removeIds: [] },
    ])
    expect(wrapper.text()).toContain('Updated: us-cn-truce-2025 v3 → us-cn-truce-2025 v4')
    expect(wrapper.text()).toContain('2 measures were updated.')

    await button('Undo this update')!.trigger('click')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toBe('This update cannot be undone: us-section-122-tariff changed since it was applied')
  })

  it('reviews the dataset the app ships when opened with ?source=embedded, in the reader’s language', async () => {
    const service = fakeService({ 'dataset.diff': () => ({ ...DIFF, updates: [] }) })
    const h = harness({ service, locale: 'zh-Hant' })
    await h.router.push('/dataset-update?source=embedded')
    const wrapper = mountIn(h, DatasetUpdateView, { attachTo: document.body })
    await settle()
    expect(service.calls.filter((c) => c.method === 'dataset.diff').map((c) => c.input)).toEqual([{ embedded: true }])
    expect(wrapper.text()).toContain('檢視：本應用程式附帶的資料集')
    expect(wrapper.text()).toContain('無需更新')
  })
})
