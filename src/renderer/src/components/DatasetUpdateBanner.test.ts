// @vitest-environment happy-dom
// The board's banner when the app ships a newer version of the database's dataset: it links to the
// review of that dataset; "Not now" hides it for that version (remembered), and it stays away when
// the database is current.
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetStatus } from '../../../shared/dataset-update.ts'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'
import DatasetUpdateBanner from './DatasetUpdateBanner.vue'

const V3 = { id: 'us-cn-truce-2025', version: 3 }
const V4 = { id: 'us-cn-truce-2025', version: 4 }
const status = (embeddedNewer: boolean): DatasetStatus => ({ embedded: V4, embeddedNewer, installed: V3, lastApply: null })

afterEach(() => localStorage.clear())

async function onBoard(answer: DatasetStatus) {
  const h = harness({ service: fakeService({ 'dataset.status': () => answer }) })
  await h.router.push('/')
  const wrapper = mountIn(h, DatasetUpdateBanner, { attachTo: document.body })
  await settle()
  return wrapper
}

describe('the dataset update banner', () => {
  it('offers the review of the newer shipped dataset, until “Not now” for that version', async () => {
    const wrapper = await onBoard(status(true))
    const banner = wrapper.get('[role="region"]')
    expect(banner.attributes('aria-label')).toBe('Dataset update available')
    expect(banner.text()).toContain('This version of the app comes with us-cn-truce-2025 v4')
    expect(banner.get('a').attributes('href')).toBe('/dataset-update?source=embedded')
    await banner.get('button').trigger('click')
    expect(wrapper.find('[role="region"]').exists()).toBe(false)
    // Remembered: the next start does not offer v4 again.
    expect((await onBoard(status(true))).find('[role="region"]').exists()).toBe(false)
  })

  it('stays away when the database already holds the shipped version', async () => {
    expect((await onBoard(status(false))).find('[role="region"]').exists()).toBe(false)
  })
})
