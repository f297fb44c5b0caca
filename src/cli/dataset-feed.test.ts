// `dataset check-feed` and `watch status | check` through the real command-line process (issue 16),
// against loopback servers only: the signed feed over HTTPS (the test certificate trusted by the
// child process through NODE_EXTRA_CA_CERTS, exactly as an administrator would add a CA — the app
// itself trusts nothing extra), and a feed of official announcements over HTTP.
import { execFile } from 'node:child_process'
import { generateKeyPairSync, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CORRECTED, datasetNextVersion } from '../../test/fixtures/dataset-update.ts'
import { TEST_CERT_PATH, sendBytes, startHttpsFeedServer, type HttpsFeedServer } from '../../test/helpers/https-feed-server.ts'
import { cli } from '../../test/helpers/run-cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'
import { startWatchServer, type WatchServer } from '../../test/helpers/watch-server.ts'
import { openStore } from '../core/open.ts'

const trusted = generateKeyPairSync('ed25519')
const TRUSTED_KEY = trusted.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
const RARE_EARTHS = 'cn-mofcom-rare-earth-controls'

/** The real process, asynchronously (the servers answer from this process meanwhile). */
function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...argv], { encoding: 'utf8', env: { ...process.env, ...env } }, (error, out, err) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
    )
  })
}
const trustingTestCa = { NODE_EXTRA_CA_CERTS: TEST_CERT_PATH }

/** Calls the service of the database at `db` in this process (what Settings would do). */
async function withService(db: string, use: (call: (method: string, input: unknown) => unknown) => void): Promise<void> {
  const store = await openStore({ path: db, actor: 'test', seed: true })
  try {
    use((method, input) => {
      const result = store.core.call(method, input)
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value
    })
  } finally {
    store.close()
  }
}

let https: HttpsFeedServer
let watchServer: WatchServer
let dir: string
let db: string
const exported = async () => (await cli('--db', db, 'export', '--format', 'json')).out.replace(/"exportedAt": "[^"]*"/, '')

beforeAll(async () => {
  https = await startHttpsFeedServer()
  watchServer = await startWatchServer()
})
afterAll(async () => {
  await https.close()
  await watchServer.close()
})
beforeEach(() => {
  dir = tempDir('mt-feed-cli-')
  db = join(dir, 'm.db')
})

function serveFeed(bytes: Buffer, signedBytes = bytes): string {
  https.route('/feed.json', sendBytes(bytes))
  https.route('/feed.json.sig', sendBytes(sign(null, signedBytes, trusted.privateKey).toString('base64'), 'text/plain'))
  return `${https.origin}/feed.json`
}

describe('measure-tracker dataset check-feed', () => {
  it('says the feed is not set up (exit 2) until Settings has an address and key', async () => {
    await withService(db, () => undefined)
    const result = await run(['--db', db, 'dataset', 'check-feed'])
    expect(result.code).toBe(2)
    expect(result.err).toContain('No dataset feed is set up')
  }, 90_000)

  it('fetches and verifies a signed newer dataset, writes it with --out; dataset apply then applies it', async () => {
    const url = serveFeed(Buffer.from(JSON.stringify(datasetNextVersion())))
    await withService(db, (call) => call('datasetFeed.configure', { url, publicKey: TRUSTED_KEY, schedule: 'off' }))
    const before = await exported()
    const file = join(dir, 'verified.json')
    const checked = await run(['--db', db, 'dataset', 'check-feed', '--out', file], trustingTestCa)
    expect(checked).toMatchObject({ code: 0 })
    expect(checked.out).toContain('us-cn-truce-2025 v4 is verified and waiting for your review.')
    expect(checked.out).toContain(`written to ${file}`)
    // Verified, not applied.
    expect(await exported()).toBe(before)
    expect(JSON.parse(readFileSync(file, 'utf8')).dataset).toEqual({ id: 'us-cn-truce-2025', version: 4 })

    const applied = await run(['--db', db, 'dataset', 'apply', file, '--measure', CORRECTED.measureId])
    expect(applied.code).toBe(0)
    expect((await run(['--db', db, 'dataset', 'status'])).out).toContain('us-cn-truce-2025 v4')
  }, 90_000)

  it('refuses a tampered file (exit 2) and changes nothing', async () => {
    const signed = Buffer.from(JSON.stringify(datasetNextVersion()))
    const tampered = Buffer.from(signed.toString().replace(CORRECTED.at, '2030-01-01T00:00:00-05:00[America/New_York]'))
    const url = serveFeed(tampered, signed)
    await withService(db, (call) => call('datasetFeed.configure', { url, publicKey: TRUSTED_KEY, schedule: 'off' }))
    const before = await exported()
    const result = await run(['--db', db, 'dataset', 'check-feed', '--json'], trustingTestCa)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.out)).toMatchObject({ lastResult: { kind: 'bad-signature', ok: false }, waiting: null })
    expect(result.err).toContain('signature does not match the key you trust')
    expect(await exported()).toBe(before)
  }, 90_000)

  it('does not trust the test certificate without being told to (exit 1: the feed could not be reached)', async () => {
    const url = serveFeed(Buffer.from(JSON.stringify(datasetNextVersion())))
    await withService(db, (call) => call('datasetFeed.configure', { url, publicKey: TRUSTED_KEY, schedule: 'off' }))
    const result = await run(['--db', db, 'dataset', 'check-feed'])
    expect(result.code).toBe(1)
    expect(result.err).toContain('The feed could not be reached')
  }, 90_000)
})

describe('measure-tracker watch', () => {
  it('status lists what is watched; check --measure records that measure’s items without moving the schedule; check runs all', async () => {
    const feedUrl = `${watchServer.origin}/feeds/ministry-announcements.rss`
    await withService(db, (call) => {
      call('watch.setTerms', { measureId: RARE_EARTHS, terms: { phrases: ['rare-earth export controls'] } })
      call('watch.addFeed', { url: feedUrl, title: 'MOFCOM announcements' })
    })
    const status = await cli('--db', db, 'watch', 'status')
    expect(status.code).toBe(0)
    expect(status.out).toContain(`MOFCOM announcements  ${feedUrl}`)
    expect(status.out).toContain('Not checked yet')

    const one = await run(['--db', db, 'watch', 'check', '--measure', RARE_EARTHS])
    expect(one).toMatchObject({ code: 0 })
    expect(one.out).toContain('2 new items to review.')
    const afterOne = JSON.parse((await cli('--db', db, 'watch', 'status', '--json')).out)
    expect(afterOne.targets.find((t: { kind: string }) => t.kind === 'feed')).toMatchObject({ lastAttemptAt: null, lastSuccessAt: null })

    const all = await cli('--db', db, 'watch', 'check')
    expect(all.code).toBe(0)
    // The same documents again: recorded once.
    expect(all.out).toContain('0 new items to review.')
    expect(all.out).toMatch(/Last checked \d{4}-\d\d-\d\dT/)
  }, 90_000)

  it('check --measure of a feed that cannot be reached says so and exits 1, the schedule still unmoved', async () => {
    // A port nothing listens on: the watch server's own port, after a server on it was closed.
    const gone = await startWatchServer()
    const feedUrl = `${gone.origin}/feeds/ministry-announcements.rss`
    await gone.close()
    await withService(db, (call) => {
      call('watch.setTerms', { measureId: RARE_EARTHS, terms: { phrases: ['rare-earth export controls'] } })
      call('watch.addFeed', { url: feedUrl, title: 'MOFCOM announcements' })
    })
    const one = await run(['--db', db, 'watch', 'check', '--measure', RARE_EARTHS])
    expect(one).toMatchObject({ code: 1, err: expect.stringContaining('MOFCOM announcements: ') })
    expect(one.err).toContain('could not be reached')
    const after = JSON.parse((await cli('--db', db, 'watch', 'status', '--json')).out)
    expect(after.targets.find((t: { kind: string }) => t.kind === 'feed')).toMatchObject({ lastAttemptAt: null, lastSuccessAt: null })
  }, 90_000)

  it('check with nothing turned on, an unknown measure, and an unknown subcommand are usage errors (exit 2)', async () => {
    await withService(db, () => undefined)
    const nothing = await run(['--db', db, 'watch', 'check'])
    expect(nothing).toMatchObject({ code: 2, err: expect.stringContaining('Nothing is watched') })
    expect((await cli('--db', db, 'watch', 'check', '--measure', 'no-such-measure')).code).toBe(2)
    expect((await cli('--db', db, 'watch', 'fetch')).code).toBe(2)
    expect((await cli('--db', db, 'watch', 'status', '--measure', RARE_EARTHS)).code).toBe(2)
  }, 90_000)
})
