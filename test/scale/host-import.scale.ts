// Issue 14: the browser host imports an exchange file of any honest size. Its body is streamed to
// a temporary file and imported one measure at a time (src/web/import-body.ts), so a file past the
// old 210 MB body limit, with the host's default limits, is imported whole.
import { createReadStream, rmSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeGeneratedFile } from '../../bench/exchange-scale.ts'
import { EXPOSED_METHODS } from '../../src/shared/exposed-methods.ts'
import { startWebHost, type WebHost } from '../../src/web/host.ts'
import { signIn } from '../../src/web/http-test-client.ts'
import { tempDir } from '../helpers/temp-store.ts'

const MEASURES = 100_000
const OLD_LIMIT_BYTES = 210 * 1024 * 1024

let dir: string
let host: WebHost
let cookie: string
let body: string

beforeAll(async () => {
  dir = tempDir('mt-scale-host-')
  // The body is `{"replace": false, "file": <the generated export>}`, written around the file.
  const file = join(dir, 'generated.json')
  await writeGeneratedFile(file, MEASURES)
  body = file
  host = await startWebHost({
    dbPath: join(dir, 'host.db'),
    rendererDir: join(dir, 'no-build'),
    exposedMethods: [...EXPOSED_METHODS, 'exchange.import'],
  })
  cookie = await signIn(host)
})
afterAll(async () => {
  await host?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** POSTs `{"replace":false,"file":` + the file + `}` in chunks, read from disk as it is sent. */
function postFile(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/exchange.import',
        headers: { host: `127.0.0.1:${host.port}`, cookie, 'transfer-encoding': 'chunked' },
        agent: false,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.write('{"replace":false,"file":')
    const stream = createReadStream(path)
    stream.on('error', reject)
    stream.pipe(req, { end: false })
    stream.on('end', () => req.end('}'))
  })
}

describe(`${MEASURES.toLocaleString('en')} generated measures through the browser host`, () => {
  it('imports a body past the old 210 MB limit with the default limits, every measure of it', async () => {
    expect(statSync(body).size).toBeGreaterThan(OLD_LIMIT_BYTES)
    const reply = await postFile(body)
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.text) as { ok: boolean; value: { created: string[]; replaced: string[] } }
    expect(result.ok).toBe(true)
    expect(result.value.created).toHaveLength(MEASURES)
    expect(result.value.replaced).toHaveLength(0)
  })
})
