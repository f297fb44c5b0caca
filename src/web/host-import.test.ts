// exchange.import through the browser host, where a host serves it (issue 9): a hostile file is
// refused with a short, clear answer and the host goes on serving. Bodies are built here.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { startWebHost, type WebHost } from './host.ts'
import { send, signIn } from './http-test-client.ts'

const MB = 1024 * 1024
let dir: string
let host: WebHost
let cookie: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-web-import-'))
  host = await startWebHost({
    dbPath: join(dir, 'db.sqlite'),
    rendererDir: join(dir, 'no-build'),
    exposedMethods: [...EXPOSED_METHODS, 'exchange.import'],
    limits: { largeBodyBytes: 40 * MB },
  })
  cookie = await signIn(host)
})
afterAll(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

const post = (method: string, body: string) => send(host.port, { method: 'POST', path: `/api/${method}`, headers: { cookie }, body })
const body = (measures: string) => `{"replace":true,"file":{"format":"measure-tracker","version":2,"measures":[${measures}]}}`

async function measureIds(): Promise<string[]> {
  const reply = await post('measures.list', '{}')
  expect(reply.status).toBe(200)
  return (reply.json().value as { id: string }[]).map((m) => m.id)
}

describe('exchange.import over HTTP with a hostile file', () => {
  it('refuses 12 MB of empty measures by their count before parsing, and keeps serving', async () => {
    const before = await measureIds()
    const reply = await post('exchange.import', body(Array(4_000_000).fill('{}').join(',')))
    expect(reply.status).toBe(400)
    expect(reply.json().error).toMatchObject({
      code: 'VALIDATION',
      message: 'The file cannot be imported: file.measures has more than 100000 entries; the limit is 100000. Nothing was changed.',
    })
    expect(await measureIds()).toEqual(before)
  })

  it('answers a file whose every measure is invalid with the first 100 problems, not a 200 MB list', async () => {
    const before = await measureIds()
    const invalid = Array.from({ length: 100_000 }, (_, i) => `{"id":"X${i}","title":1,"imposer":"ZZ","events":[1]}`).join(',')
    const reply = await post('exchange.import', body(invalid))
    expect(reply.json().error?.details?.issues).toHaveLength(100)
    expect(reply.json().error?.message).toMatch(/\(and more: checking stopped after the first 100 problems, at measures\[\d+\]\)$/)
    expect(reply.text.length).toBeLessThan(64 * 1024)
    expect(await measureIds()).toEqual(before)
  })
})
