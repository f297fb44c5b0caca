// exchange.import through the browser host, where a host serves it (issue 9): a hostile file is
// refused with a short, clear answer and the host goes on serving. Bodies are built here.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../bench/generate.ts'
import { fixtureMeasure } from '../../test/helpers/run-cli.ts'
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

// Issue 14: the body is streamed into the command line's chunked import (import-body.ts), never
// held whole; a body past the size bound, or one that is not a whole file, changes nothing.
describe('exchange.import over HTTP, streamed', () => {
  const chunked = { 'transfer-encoding': 'chunked' }
  const postChunked = (port: number, cookieValue: string, text: string) =>
    send(port, { method: 'POST', path: '/api/exchange.import', headers: { cookie: cookieValue, ...chunked }, body: text })
  const titleOf = async (id: string) => {
    const reply = await post('measures.get', JSON.stringify({ id }))
    return (reply.json().value as { title: Record<string, string> }).title
  }

  it('imports a large file sent in chunks, one measure at a time, and the measures are there', async () => {
    const before = await measureIds()
    const file = generateExchangeFile(3_000)
    const text = JSON.stringify({ replace: false, file }, null, 2)
    expect(text.length).toBeGreaterThan(5 * MB)
    const reply = await postChunked(host.port, cookie, text)
    expect(reply.status).toBe(200)
    const report = reply.json().value as { created: string[]; replaced: string[]; dryRun: boolean }
    expect(report).toMatchObject({ dryRun: false, replaced: [] })
    expect(report.created).toHaveLength(3_000)
    const after = await measureIds()
    expect(after).toHaveLength(before.length + 3_000)
    expect(after).toEqual(expect.arrayContaining(['m-0', 'm-2999']))
  }, 60_000)

  it('refuses a body past the size bound with 413, whether or not it declares its length, and changes nothing', async () => {
    const small = await startWebHost({
      dbPath: join(dir, 'small.sqlite'),
      rendererDir: join(dir, 'no-build'),
      exposedMethods: [...EXPOSED_METHODS, 'exchange.import'],
      limits: { largeBodyBytes: 2 * MB },
    })
    try {
      const smallCookie = await signIn(small)
      const list = async () =>
        (
          (await send(small.port, { method: 'POST', path: '/api/measures.list', headers: { cookie: smallCookie }, body: '{}' })).json()
            .value as { id: string }[]
        )
          .map((m) => m.id)
          .sort()
      const before = await list()
      // A valid file, just larger than the bound.
      const text = JSON.stringify({ replace: true, file: generateExchangeFile(2_000) })
      expect(text.length).toBeGreaterThan(2 * MB)
      const streamed = await postChunked(small.port, smallCookie, text)
      expect(streamed.status).toBe(413)
      expect(streamed.json().error).toMatchObject({
        code: 'VALIDATION',
        message: `The request body of exchange.import is larger than ${2 * MB} bytes`,
      })
      const declared = await send(small.port, {
        method: 'POST',
        path: '/api/exchange.import',
        headers: { cookie: smallCookie },
        body: text,
      })
      expect(declared.status).toBe(413)
      expect(await list()).toEqual(before)
    } finally {
      await small.close()
    }
  }, 60_000)

  it('refuses a truncated body as not valid JSON and changes nothing, not even the measures before the cut', async () => {
    const existing = (await measureIds())[0]!
    const titleBefore = await titleOf(existing)
    const before = await measureIds()
    const measures = [
      { ...fixtureMeasure(existing, { en: 'Replaced' }) },
      ...generateExchangeFile(200).measures.map((m) => ({ ...m, id: `t-${m.id}`, links: [] })),
    ]
    const text = JSON.stringify({ replace: true, file: { format: 'measure-tracker', version: 3, measures } }, null, 2)
    const reply = await postChunked(host.port, cookie, text.slice(0, Math.floor(text.length * 0.7)))
    expect(reply.status).toBe(400)
    expect(reply.json().error?.code).toBe('VALIDATION')
    expect(reply.json().error?.message).toMatch(/^The request body is not valid JSON \(truncated or damaged\?\): .*Nothing was changed\.$/)
    expect(await measureIds()).toEqual(before)
    expect(await titleOf(existing)).toEqual(titleBefore)
    // The same body whole is imported: what was refused was the cut.
    expect((await postChunked(host.port, cookie, text)).json()).toMatchObject({ ok: true, value: { replaced: [existing] } })
  }, 60_000)
})
