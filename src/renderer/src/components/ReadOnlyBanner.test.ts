// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useAccessStore } from '../stores/access.ts'
import ReadOnlyBanner from './ReadOnlyBanner.vue'
import { fakeService, harness, mountIn, settle } from '../test/harness.ts'

const info = (readOnly: boolean, readOnlyReason: string | null) => () => ({
  dbPath: '/data/m.db',
  schemaVersion: 5,
  readOnly,
  readOnlyReason,
  measureCount: 3,
  locales: ['en', 'zh-Hant', 'zh-Hans'],
})

async function banner(readOnly: boolean, reason: string | null, locale: 'en' | 'zh-Hans' = 'en') {
  const hs = harness({ service: fakeService({ 'meta.info': info(readOnly, reason) }), locale })
  const wrapper = mountIn(hs, ReadOnlyBanner)
  // The app shell starts following the store's access (App.vue); here the banner stands alone.
  useAccessStore(hs.pinia).start()
  await settle()
  return wrapper
}

describe('ReadOnlyBanner', () => {
  it('says the database is read-only, why, and what still works', async () => {
    const wrapper = await banner(true, 'the file has no write permission (mode 0400)')
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toContain('Read-only database')
    expect(status.text()).toContain('the file has no write permission (mode 0400)')
    expect(status.text()).toContain('You can look, search, print and export')
  })

  it('speaks the app language', async () => {
    const wrapper = await banner(true, 'it is on a read-only file system', 'zh-Hans')
    expect(wrapper.text()).toContain('只读数据库')
  })

  it('shows nothing for a writable database', async () => {
    const wrapper = await banner(false, null)
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
  })
})
