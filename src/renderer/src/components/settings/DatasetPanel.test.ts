// @vitest-environment happy-dom
// Settings → Dataset: which dataset the database holds, the way into the review (and to the
// shipped dataset when it is newer), and "Undo this update" for the last one — refused clearly
// when a measure it touched has changed since.
import { describe, expect, it } from 'vitest'
import type { DatasetStatus } from '../../../../shared/dataset-update.ts'
import { fail } from '../../../../shared/result.ts'
import { fakeService, mountOver } from '../../test/harness.ts'
import DatasetPanel from './DatasetPanel.vue'

const V3 = { id: 'us-cn-truce-2025', version: 3 }
const V4 = { id: 'us-cn-truce-2025', version: 4 }
const STATUS: DatasetStatus = {
  embedded: V4,
  embeddedNewer: true,
  installed: V3,
  lastApply: { from: { id: 'us-cn-truce-2025', version: 2 }, to: V3, appliedAt: '2026-12-04T12:00:00.000Z', measureIds: ['a'] },
}

describe('Settings → Dataset', () => {
  it('names the installed dataset, offers the shipped newer one and the review', async () => {
    const { wrapper } = await mountOver(fakeService({ 'dataset.status': () => STATUS }), DatasetPanel)
    expect(wrapper.text()).toContain('Your database holds us-cn-truce-2025 v3.')
    expect(wrapper.text()).toContain('This version of the app comes with us-cn-truce-2025 v4')
    const links = wrapper.findAll('a').map((a) => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['Review the update', '/dataset-update?source=embedded'],
      ['Review a dataset file…', '/dataset-update'],
    ])
  })

  it('says clearly when the last update cannot be undone', async () => {
    const service = fakeService({
      'dataset.status': () => STATUS,
      'dataset.undo': () => fail('CONFLICT', 'Cannot undo the dataset update: a changed since it was applied'),
    })
    const { wrapper, button, calls } = await mountOver(service, DatasetPanel)
    await button('Undo this update')!.trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls('dataset.undo')).toEqual([{}])
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'This update cannot be undone: Cannot undo the dataset update: a changed since it was applied',
    )
  })

  it('undoes the last update and says which dataset the database holds again', async () => {
    let status = STATUS
    const service = fakeService({
      'dataset.status': () => status,
      'dataset.undo': () => {
        status = { ...STATUS, installed: STATUS.lastApply!.from, lastApply: null }
        return { from: STATUS.lastApply!.from, to: V3, measureIds: ['a'] }
      },
    })
    const { wrapper, button } = await mountOver(service, DatasetPanel)
    await button('Undo this update')!.trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(wrapper.get('[role="status"]').text()).toBe('Dataset update undone: back to us-cn-truce-2025 v2.')
    expect(wrapper.text()).toContain('Your database holds us-cn-truce-2025 v2.')
    expect(button('Undo this update')).toBeUndefined()
  })
})
