import { spawn } from 'node:child_process'
import { get } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultDatabasePath } from '../core/store/location.ts'
import { DEFAULT_RENDERER_DIR, parseWebArgs, runWebHost } from './cli.ts'

const MAIN = resolve(import.meta.dirname, 'main.ts')

describe('parseWebArgs', () => {
  it('defaults to a free port, the default database and the built renderer', () => {
    const args = parseWebArgs([], {})
    expect(args).toEqual({ port: 0, db: defaultDatabasePath(process.platform, {}), rendererDir: DEFAULT_RENDERER_DIR, help: false })
    expect(DEFAULT_RENDERER_DIR).toBe(resolve(import.meta.dirname, '..', '..', 'out', 'renderer'))
  })

  it('takes --db over MEASURE_TRACKER_DB over the default', () => {
    expect(parseWebArgs([], { MEASURE_TRACKER_DB: '/env.db' }).db).toBe('/env.db')
    expect(parseWebArgs(['--db', '/flag.db'], { MEASURE_TRACKER_DB: '/env.db' }).db).toBe('/flag.db')
  })

  it('reads --port and --renderer', () => {
    expect(parseWebArgs(['--port', '5173'], {}).port).toBe(5173)
    expect(parseWebArgs(['--port=0'], {}).port).toBe(0)
    expect(parseWebArgs(['--renderer', 'dist/x'], {}).rendererDir).toBe(resolve('dist/x'))
  })

  it('refuses bad ports and unknown options', () => {
    for (const argv of [
      ['--port', '-1'],
      ['--port', '65536'],
      ['--port', 'abc'],
      ['--port', '80.5'],
      ['--port'],
      ['--host', '0.0.0.0'],
      ['extra'],
    ]) {
      expect(() => parseWebArgs(argv, {}), argv.join(' ')).toThrow()
    }
  })
})

describe('runWebHost', () => {
  it('prints help, and usage errors with exit code 2', async () => {
    const out: string[] = []
    const err: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }
    expect(await runWebHost(['--help'], io, {})).toBe(0)
    expect(out.join('')).toMatch(/--port N/)
    expect(await runWebHost(['--port', 'x'], io, {})).toBe(2)
    expect(err.join('')).toMatch(/--port must be/)
  })
})

describe('npm run web (src/web/main.ts)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-web-cli-'))
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<html><head></head><body></body></html>')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints exactly one line with the URL, serves the page, and stops cleanly on ${signal}`, async () => {
      const child = spawn(process.execPath, [MAIN, '--port', '0', '--db', join(dir, 'db.sqlite'), '--renderer', join(dir, 'renderer')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, MEASURE_TRACKER_DB: join(dir, 'not-this.db') },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no URL printed; stderr: ${stderr}`)), 15_000)
        child.stdout.on('data', () => {
          if (stdout.includes('\n')) {
            clearTimeout(timer)
            done()
          }
        })
      })
      // The one line carries the secret, as Jupyter's does: http://127.0.0.1:PORT/?token=…
      const match = /^Measure Tracker: (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([A-Za-z0-9_-]{43})\n$/.exec(stdout)
      expect(match, stdout).not.toBeNull()
      const base = match![1]!
      const fetchOnce = (url: string, cookie?: string) =>
        new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((done, fail) => {
          get(url, { headers: cookie ? { cookie } : {} }, (res) => {
            let body = ''
            res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
            res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }))
          }).on('error', fail)
        })
      // Without the printed address: nothing. With it: a cookie, and the page.
      expect((await fetchOnce(base)).status).toBe(403)
      const signedIn = await fetchOnce(`${base}?token=${match![3]}`)
      expect(signedIn.status).toBe(303)
      const cookie = (signedIn.headers['set-cookie'] as string[])[0]!.split(';')[0]!
      const page = await fetchOnce(base, cookie)
      expect(page.status).toBe(200)
      expect(page.body).not.toContain(match![3])
      // An open event stream must not keep the process from stopping.
      await new Promise<void>((done, fail) =>
        get(`${base}events`, { headers: { cookie } }, (res) => (expect(res.statusCode).toBe(200), res.resume(), done())).on('error', fail),
      )
      child.kill(signal)
      expect(await exited).toBe(0)
      expect(stdout.split('\n').filter(Boolean)).toHaveLength(1)
      expect(stderr).toBe('')
    })
  }

  it('exits 1 with a plain message when the port is taken', async () => {
    const { startWebHost } = await import('./host.ts')
    const taken = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: join(dir, 'renderer') })
    try {
      const child = spawn(process.execPath, [MAIN, '--port', String(taken.port), '--db', join(dir, 'db.sqlite')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      let stdout = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      const code = await new Promise<number | null>((done) => child.on('exit', done))
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toMatch(new RegExp(`Port ${taken.port} is already in use`))
    } finally {
      await taken.close()
    }
  })
})
