// The update review sends a whole dataset file to dataset.diff / dataset.apply: the browser host
// takes bodies up to the dataset file limit for those two (a real dataset is over the ordinary
// 1 MB), and keeps the ordinary limit for every other method.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetNextVersion } from '../../test/fixtures/dataset-update.ts'
import { MAX_DATASET_FILE_BYTES } from '../shared/dataset-update.ts'
import { startWebHost, type WebHost } from './host.ts'
import { bodyLimitFor, DEFAULT_LIMITS } from './limits.ts'
import { send, signIn } from './http-test-client.ts'

const MB = 1024 * 1024
let dir: string
let host: WebHost
let cookie: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-web-dataset-'))
  host = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: join(dir, 'no-build') })
  cookie = await signIn(host)
})
afterAll(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

describe('dataset file bodies in the browser host', () => {
  it('diffs a dataset file larger than the ordinary limit', async () => {
    // The next version, padded with whitespace to 3 MB as a pretty-printed file would be.
    const body = JSON.stringify({ file: datasetNextVersion() }) + ' '.repeat(3 * MB)
    const reply = await send(host.port, { method: 'POST', path: '/api/dataset.diff', headers: { cookie }, body })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: true, value: { to: { id: 'us-cn-truce-2025' } } })
    const other = await send(host.port, {
      method: 'POST',
      path: '/api/dataset.status',
      headers: { cookie },
      body: '{}' + ' '.repeat(3 * MB),
    })
    expect(other.status).toBe(413)
  })

  it('bounds dataset.diff and dataset.apply by the dataset file limit, and nothing else changes', () => {
    for (const method of ['dataset.diff', 'dataset.apply']) expect(bodyLimitFor(method, DEFAULT_LIMITS)).toBe(MAX_DATASET_FILE_BYTES + MB)
    expect(bodyLimitFor('measures.update', DEFAULT_LIMITS)).toBe(DEFAULT_LIMITS.bodyBytes)
    expect(bodyLimitFor('exchange.import', DEFAULT_LIMITS)).toBe(DEFAULT_LIMITS.largeBodyBytes)
  })
})
