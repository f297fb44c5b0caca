// The command line against a database another process is writing to, and restoring an export
// into a new file: real processes, real files.
import { afterEach, describe, expect, it } from 'vitest'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { setTimeout as sleep } from 'node:timers/promises'
import { generateExchangeFile } from '../../bench/generate.ts'
import { BUSY_TIMEOUT_MS } from '../core/store/database.ts'
import { join } from 'node:path'
import { once } from 'node:events'
import { openStore } from '../core/open.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'

const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/main.ts', ...args], { encoding: 'utf8' })

const holders: ChildProcess[] = []
afterEach(() => {
  for (const child of holders.splice(0)) child.kill('SIGKILL')
})

/** Another process holding the write lock (BEGIN IMMEDIATE) until it is killed: longer than any busy timeout here. */
async function holdWriteLock(path: string): Promise<void> {
  const script = `
    const { DatabaseSync } = require('node:sqlite')
    const db = new DatabaseSync(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    db.exec("INSERT INTO settings (key, value) VALUES ('held', '1')")
    process.stdout.write('locked\\n')
    setTimeout(() => {}, 600000)`
  const child = spawn(process.execPath, ['-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] })
  holders.push(child)
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer]
  expect(chunk.toString()).toBe('locked\n')
}

async function seeded(): Promise<string> {
  const path = join(tempDir(), 'measures.db')
  ;(await openStore({ path, actor: 'test' })).close()
  return path
}

describe('while another process holds a long write transaction', () => {
  it('status, show and export still work: opening an up-to-date, seeded database takes no write lock', async () => {
    const path = await seeded()
    await holdWriteLock(path)
    const status = cli('--db', path, 'status', '--json')
    expect(status.stderr).toBe('')
    expect(status.status).toBe(0)
    const ids = (JSON.parse(status.stdout) as { id: string }[]).map((m) => m.id)
    expect(ids.length).toBeGreaterThan(0)
    expect(cli('--db', path, 'show', ids[0] as string).status).toBe(0)
    expect(cli('--db', path, 'export').status).toBe(0)
  })

  it('a change waits the busy timeout, then says another Measure Tracker process is writing and to retry (exit 1)', async () => {
    const path = await seeded()
    const id = (JSON.parse(cli('--db', path, 'status', '--json').stdout) as { id: string }[])[0]?.id as string
    await holdWriteLock(path)
    const note = cli('--db', path, 'note', 'add', id, 'hello')
    expect(note.status).toBe(1)
    expect(note.stderr).toContain(
      `${path} is busy: another Measure Tracker process (the app or the command line) is writing to it. Nothing was changed. Try again when it has finished.`,
    )
  }, 30_000)
})

describe('the default location', () => {
  it('is created on first run (folder 0700, file 0600, sample data) and the command line says so', () => {
    const config = tempDir()
    const env = { ...process.env, XDG_CONFIG_HOME: config, MEASURE_TRACKER_DB: '' }
    const first = spawnSync(process.execPath, ['src/cli/main.ts', 'status', '--json'], { encoding: 'utf8', env })
    const path = join(config, 'Measure Tracker', 'measure-tracker.db')
    expect(first.stderr).toBe(`measure-tracker: created a new database at ${path}\n`)
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout).length).toBeGreaterThan(0)
    expect(statSync(join(config, 'Measure Tracker')).mode & 0o777).toBe(0o700)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const second = spawnSync(process.execPath, ['src/cli/main.ts', 'status'], { encoding: 'utf8', env })
    expect([second.status, second.stderr]).toEqual([0, ''])
  })
})

describe('restoring an export into a new file', () => {
  it('import into a fresh path gives exactly the exported measures, without --replace and without the sample data', async () => {
    const source = await seeded()
    const dir = tempDir()
    const exported = join(dir, 'export.json')
    const id = (JSON.parse(cli('--db', source, 'status', '--json').stdout) as { id: string }[])[0]?.id as string
    expect(cli('--db', source, 'note', 'add', id, 'kept through the restore').status).toBe(0)
    expect(cli('--db', source, 'export', '--out', exported).status).toBe(0)
    const fresh = join(dir, 'restored.db')
    const imported = cli('--db', fresh, 'import', exported)
    expect(imported.stderr).toBe(`measure-tracker: created a new database at ${fresh}\n`)
    expect(imported.status).toBe(0)
    const again = join(dir, 'again.json')
    expect(cli('--db', fresh, 'export', '--out', again).status).toBe(0)
    const measures = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { measures: unknown[] }).measures
    expect(measures(again)).toEqual(measures(exported))
  })
})

describe('a long import', () => {
  it('lets another process write throughout a 25,000-measure import (no wait reaches the busy timeout), and leaves no staging file', async () => {
    const dir = tempDir()
    const path = join(dir, 'measures.db')
    ;(await openStore({ path, actor: 'test', seed: false })).close()
    const file = join(dir, 'big.json')
    writeFileSync(file, JSON.stringify(generateExchangeFile(25_000)))
    const staging = tempDir()
    const child = spawn(process.execPath, ['src/cli/main.ts', '--db', path, 'import', file], {
      env: { ...process.env, TMPDIR: staging },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit')
    let running = true
    child.once('exit', () => (running = false))
    // Another writer, as the app or a `note add` would be: each try waits up to the busy timeout.
    const other = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS })
    const refused: string[] = []
    let tries = 0
    while (running) {
      try {
        other.exec('BEGIN IMMEDIATE')
        other.exec('ROLLBACK')
        tries++
      } catch (error) {
        refused.push((error as Error).message)
      }
      await sleep(25)
    }
    other.close()
    const [code] = (await exited) as [number]
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(refused).toEqual([])
    expect(tries).toBeGreaterThan(0)
    expect(readdirSync(staging)).toEqual([])
    const check = new DatabaseSync(path, { readOnly: true })
    expect(check.prepare('SELECT count(*) AS n FROM measures').get()).toEqual({ n: 25_000 })
    check.close()
  }, 180_000)
})
