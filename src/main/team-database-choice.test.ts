// Settings → Team database as main keeps it: the order that decides the database at start, the
// password kept only by the keychain (or for one run), and the connection checked against the real
// PostgreSQL server before anything is saved. The keychain is a stand-in: Electron's safeStorage
// needs the Electron binary, which this machine does not have (README "Testing").
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultDatabasePath } from '../core/store/location.ts'
import { checkTeamConnection } from '../core/store/postgres/check-connection.ts'
import { postgresSkipReason, usePostgres } from '../../test/helpers/postgres-database.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'
import {
  PASSWORD_FOR_THIS_RUN_VAR,
  TEAM_DATABASE_FILE,
  createTeamDatabaseChoice,
  safeStorageKeychain,
  type Keychain,
} from './team-database-choice.ts'

const SECRET = 'S3cret:pass/word@x'

/** A keychain that really transforms (so a clear password in the file would show), or none at all. */
function fakeKeychain(available = true): Keychain {
  return {
    available: async () => available,
    encrypt: async (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decrypt: async (sealed) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
  }
}

function setUp(options: { keychain?: Keychain; check?: (url: string) => Promise<void>; dir?: string } = {}) {
  const dir = options.dir ?? tempDir()
  const file = join(dir, TEAM_DATABASE_FILE)
  const relaunch = vi.fn((_env: Record<string, string>) => {})
  const check = vi.fn(options.check ?? (async () => {}))
  const choice = createTeamDatabaseChoice({
    file: {
      read: () => (existsSync(file) ? readFileSync(file, 'utf8') : null),
      write: (text) => writeFileSync(file, text),
      remove: () => rmSync(file, { force: true }),
    },
    keychain: options.keychain ?? fakeKeychain(),
    checkConnection: check,
    relaunch,
  })
  return { dir, file, choice, relaunch, check }
}

const ENV = () => ({ XDG_CONFIG_HOME: '/home/ana/.config', HOME: '/home/ana' }) as NodeJS.ProcessEnv
const URL_ = 'postgres://ana@db.example.org:5432/measures'

describe('which database the app opens at start', () => {
  it('takes --db, then MEASURE_TRACKER_DB, then the team database saved in Settings, then this computer’s file', async () => {
    const { choice } = setUp()
    expect(await choice.connect({ url: URL_, password: SECRET, remember: true })).toMatchObject({ ok: true })

    expect(await choice.startup(['app', '--db=/tmp/a.db'], { ...ENV(), MEASURE_TRACKER_DB: '/tmp/env.db' })).toMatchObject({
      path: '/tmp/a.db',
      chosenBy: 'argument',
    })
    expect(await choice.startup(['app'], { ...ENV(), MEASURE_TRACKER_DB: '/tmp/env.db' })).toMatchObject({
      path: '/tmp/env.db',
      chosenBy: 'environment',
    })
    const saved = await choice.startup(['app'], ENV())
    expect(saved.chosenBy).toBe('settings')
    expect(decodeURIComponent(new URL(saved.path).password)).toBe(SECRET)

    const fresh = setUp({ dir: tempDir() })
    expect(await fresh.choice.startup(['app'], ENV())).toEqual({
      path: defaultDatabasePath(process.platform, ENV()),
      chosenBy: 'default',
      notice: null,
    })
  })

  it('ignores a damaged choice file and opens this computer’s file', async () => {
    const { choice, file } = setUp()
    writeFileSync(file, '{"url": "file:///etc/passwd", "password": "none"')
    expect((await choice.startup(['app'], ENV())).chosenBy).toBe('default')
    writeFileSync(file, JSON.stringify({ url: 'file:///etc/passwd', password: 'none' }))
    expect((await choice.startup(['app'], ENV())).chosenBy).toBe('default')
  })
})

describe('the password', () => {
  it('is kept by the keychain only: the file and every status hold the connection string without it', async () => {
    const { choice, file, relaunch } = setUp()
    const answer = await choice.connect({ url: URL_, password: SECRET, remember: true })
    expect(answer).toMatchObject({
      ok: true,
      value: { saved: { location: 'postgres://ana@db.example.org:5432/measures', password: 'keychain' }, restarting: true },
    })
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(encodeURIComponent(SECRET))
    expect(JSON.stringify(await choice.status())).not.toContain('S3cret')
    // The restart on the new choice carries nothing: the keychain has the password.
    expect(relaunch).toHaveBeenCalledWith({})
  })

  it('not kept (no keychain): handed to the restart once, then asked for again', async () => {
    const { choice, file, relaunch, dir } = setUp({ keychain: fakeKeychain(false) })
    expect(await choice.connect({ url: URL_, password: SECRET, remember: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['remember'] }] } },
    })
    expect(existsSync(file)).toBe(false)

    expect(await choice.connect({ url: URL_, password: SECRET, remember: false })).toMatchObject({
      ok: true,
      value: { saved: { password: 'this-run' } },
    })
    expect(readFileSync(file, 'utf8')).not.toContain('S3cret')
    const handed = relaunch.mock.calls[0]![0]
    expect(handed).toEqual({ [PASSWORD_FOR_THIS_RUN_VAR]: SECRET })

    // The restarted app: the password arrives once and leaves the environment at once.
    const restarted = setUp({ dir, keychain: fakeKeychain(false) })
    const env = { ...ENV(), ...handed }
    const opened = await restarted.choice.startup(['app'], env)
    expect(opened.chosenBy).toBe('settings')
    expect(decodeURIComponent(new URL(opened.path).password)).toBe(SECRET)
    expect(env[PASSWORD_FOR_THIS_RUN_VAR]).toBeUndefined()

    // The next cold start has no password: this computer's file, and Settings asks for it.
    const later = setUp({ dir, keychain: fakeKeychain(false) })
    expect(await later.choice.startup(['app'], ENV())).toMatchObject({
      chosenBy: 'default',
      notice: { kind: 'needs-password', location: 'postgres://ana@db.example.org:5432/measures' },
    })
    expect((await later.choice.status()).notice).toMatchObject({ kind: 'needs-password' })
  })

  it('may come in the connection string; it is taken out of it before anything is kept', async () => {
    const { choice, file } = setUp()
    const url = `postgres://ana:${encodeURIComponent(SECRET)}@db.example.org:5432/measures`
    expect(await choice.connect({ url, password: '', remember: true })).toMatchObject({
      ok: true,
      value: { saved: { password: 'keychain' } },
    })
    expect(readFileSync(file, 'utf8')).not.toContain('S3cret')
    const opened = await choice.startup(['app'], ENV())
    expect(decodeURIComponent(new URL(opened.path).password)).toBe(SECRET)
  })
})

describe('switching', () => {
  it('a window started with --db keeps its database: the choice is saved for starts without it', async () => {
    const { choice, relaunch } = setUp()
    await choice.startup(['app', '--db', '/tmp/mine.db'], ENV())
    expect(await choice.connect({ url: URL_, password: SECRET, remember: true })).toMatchObject({
      ok: true,
      value: { current: { kind: 'file', location: '/tmp/mine.db', chosenBy: 'argument' }, restarting: false },
    })
    expect(relaunch).not.toHaveBeenCalled()
  })

  it('"use this computer’s file" forgets the team database and its password, and restarts on the file', async () => {
    const { choice, file, relaunch } = setUp()
    await choice.connect({ url: URL_, password: SECRET, remember: true })
    const restarted = setUp({ dir: join(file, '..') })
    await restarted.choice.startup(['app'], ENV())
    expect((await restarted.choice.status()).current).toMatchObject({ kind: 'team', chosenBy: 'settings' })
    expect(await restarted.choice.disconnect()).toMatchObject({ ok: true, value: { saved: null, restarting: true } })
    expect(existsSync(file)).toBe(false)
    expect(restarted.relaunch).toHaveBeenCalledWith({})
    expect(relaunch).toHaveBeenCalledTimes(1)
  })

  it('refuses a second switch while one is on its way', async () => {
    const { choice } = setUp()
    await choice.connect({ url: URL_, password: SECRET, remember: true })
    expect(await choice.connect({ url: URL_, password: SECRET, remember: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('safeStorageKeychain', () => {
  const storage = (backend: string) => ({
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text: string) => Buffer.from(text),
    decryptStringAsync: async (buffer: Buffer) => ({ shouldReEncrypt: false, result: buffer.toString() }),
    getSelectedStorageBackend: () => backend as ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>,
  })
  it('does not count Linux’s constant-key fallback (basic_text) as a keychain', async () => {
    expect(await safeStorageKeychain(storage('basic_text'), 'linux').available()).toBe(false)
    expect(await safeStorageKeychain(storage('gnome_libsecret'), 'linux').available()).toBe(true)
    expect(await safeStorageKeychain(storage('unknown'), 'darwin').available()).toBe(true)
  })
})

const skipReason = postgresSkipReason()
describe.skipIf(skipReason !== null)(`connecting checks the real server first${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('saves and restarts on a database the server lets the user into', async () => {
    const { url } = pg.database()
    const { choice, relaunch } = setUp({ check: checkTeamConnection })
    expect(await choice.connect({ url, password: '', remember: false })).toMatchObject({ ok: true, value: { restarting: true } })
    expect(relaunch).toHaveBeenCalledTimes(1)
  })

  it('a wrong password or a server that is not there: said at once, nothing saved, no restart, no password in the message', async () => {
    const { url } = pg.database()
    pg.server.psql(`CREATE ROLE settings_user LOGIN PASSWORD 'right-one'`)
    const wrong = new URL(url)
    wrong.username = 'settings_user'
    const { choice, file, relaunch } = setUp({ check: checkTeamConnection })
    const refused = await choice.connect({ url: wrong.href, password: 'not-the-right-one', remember: false })
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    expect(JSON.stringify(refused)).not.toContain('not-the-right-one')

    const nowhere = new URL(url)
    nowhere.port = '1'
    const unreachable = await choice.connect({ url: nowhere.href, password: 'not-the-right-one', remember: false })
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining('could not be reached') } })
    expect(JSON.stringify(unreachable)).not.toContain('not-the-right-one')
    expect(existsSync(file)).toBe(false)
    expect(relaunch).not.toHaveBeenCalled()
  })
})
