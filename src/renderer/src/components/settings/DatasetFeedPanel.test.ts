// @vitest-environment happy-dom
// Settings → Dataset feed (issue 16): every control labelled; an http address is refused before
// anything is sent; the key is shown by fingerprint and base64; Check now asks the host; the last
// result reads in the user's language; a verified newer dataset offers "Review update".
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { DatasetFeedStatus } from '../../../../shared/dataset-feed.ts'
import { fail } from '../../../../shared/result.ts'
import ToastHost from '../ToastHost.vue'
import DatasetFeedPanel from './DatasetFeedPanel.vue'
import { fakeService, mountOver, settle } from '../../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h(DatasetFeedPanel), h(ToastHost)]) })
/** The form of a stored key (base64 of 32 bytes); the fake host does not check it. */
const KEY = `${'A'.repeat(42)}E=`
const OFF: DatasetFeedStatus = {
  url: '',
  signatureUrl: '',
  publicKey: '',
  fingerprint: '',
  schedule: 'off',
  installed: { id: 'us-cn-truce-2025', version: 3 },
  lastCheckedAt: null,
  lastSuccessAt: null,
  failures: 0,
  lastResult: null,
  nextCheckAt: null,
  waiting: null,
  checkRequestedAt: null,
  runningSince: null,
}

async function open(initial: DatasetFeedStatus, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  let state = { ...initial }
  const service = fakeService({
    'datasetFeed.status': () => state,
    'datasetFeed.configure': (input) => {
      if (input.publicKey === 'nonsense') return fail('VALIDATION', 'The trusted key must be an Ed25519 public key')
      state = {
        ...state,
        url: input.url,
        signatureUrl: `${input.url}.sig`,
        publicKey: input.publicKey,
        fingerprint: 'abcd '.repeat(16).trim(),
        schedule: input.schedule,
      }
      return state
    },
    'datasetFeed.checkNow': () => (state = { ...state, checkRequestedAt: '2026-12-05T09:00:00.000Z' }),
  })
  return mountOver(service, Page, locale)
}

describe('Settings → Dataset feed', () => {
  it('is off by default, with labelled fields and Check now unavailable until an address and key are set', async () => {
    const { wrapper, button } = await open(OFF)
    expect(wrapper.get('h2').text()).toBe('Dataset feed')
    for (const [id, label] of [
      ['dataset-feed-url', 'Feed address'],
      ['dataset-feed-key', 'Trusted public key'],
      ['dataset-feed-schedule', 'Check automatically'],
    ])
      expect(wrapper.get(`label[for="${id}"]`).text()).toBe(label)
    expect((wrapper.get('#dataset-feed-schedule').element as HTMLSelectElement).value).toBe('off')
    expect(button('Check feed now')!.attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('No trusted key is set.')
  })

  it('refuses an http address before sending anything, and says why next to the field', async () => {
    const { wrapper, calls } = await open(OFF)
    await wrapper.get('#dataset-feed-url').setValue('http://data.example.org/d.json')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(calls('datasetFeed.configure')).toEqual([])
    expect(wrapper.get('#dataset-feed-url').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#dataset-feed-url-error').text()).toContain('must start with https://')
  })

  it('saves the address, key and schedule, shows the key, and asks for a check', async () => {
    const { wrapper, calls, button } = await open(OFF)
    await wrapper.get('#dataset-feed-url').setValue('https://data.example.org/d.json')
    await wrapper.get('#dataset-feed-key').setValue(KEY)
    await wrapper.get('#dataset-feed-schedule').setValue('weekly')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(calls('datasetFeed.configure')).toEqual([{ url: 'https://data.example.org/d.json', publicKey: KEY, schedule: 'weekly' }])
    expect(wrapper.get('[data-testid="dataset-feed-key"]').text()).toContain(KEY)
    expect(wrapper.get('[data-testid="dataset-feed-key"]').text()).toContain('Key fingerprint (SHA-256)')
    await button('Check feed now')!.trigger('click')
    await settle()
    expect(calls('datasetFeed.checkNow')).toEqual([{}])
    expect(wrapper.get('[role="status"]').text()).toContain('A check was asked for')
  })

  it('marks a key the host refuses as invalid', async () => {
    const { wrapper } = await open(OFF)
    await wrapper.get('#dataset-feed-key').setValue('nonsense')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('#dataset-feed-key').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#dataset-feed-key-error').text()).toContain('This is not an Ed25519 public key.')
  })

  it('tells a refused file apart, and offers the review of a verified newer dataset', async () => {
    const set = {
      ...OFF,
      url: 'https://d.example.org/d.json',
      signatureUrl: 'https://d.example.org/d.json.sig',
      publicKey: KEY,
      fingerprint: 'ab',
    }
    const refused = await open({
      ...set,
      lastResult: { kind: 'bad-signature', ok: false, message: '', dataset: null, at: '2026-12-05T09:00:00.000Z' },
    })
    expect(refused.wrapper.get('[data-testid="dataset-feed-last"]').text()).toContain('the signature does not match the key you trust')
    expect(refused.button('Review update')).toBeUndefined()

    const waiting = await open({
      ...set,
      lastResult: { kind: 'newer', ok: true, message: '', dataset: { id: 'us-cn-truce-2025', version: 4 }, at: '2026-12-05T09:00:00.000Z' },
      waiting: { dataset: { id: 'us-cn-truce-2025', version: 4 }, fetchedAt: '2026-12-05T09:00:00.000Z', url: set.url, sha256: 'x' },
    })
    expect(waiting.wrapper.get('[data-testid="dataset-feed-waiting"]').text()).toContain(
      'us-cn-truce-2025 v4 is verified and waiting for your review',
    )
    expect(waiting.button('Review update')).toBeDefined()
  })

  it('speaks Chinese', async () => {
    const { wrapper } = await open(OFF, 'zh-Hant')
    expect(wrapper.get('h2').text()).toBe('資料集更新來源')
    const simplified = await open(OFF, 'zh-Hans')
    expect(simplified.wrapper.get('h2').text()).toBe('数据集更新源')
  })
})
