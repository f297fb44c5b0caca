// Settings → Team database (issue 17): which database the desktop app opens, kept in userData
// beside the update preferences. Order at start: `--db`, then MEASURE_TRACKER_DB, then the team
// database saved here, then the file on this computer — an explicit choice for one start beats a
// saved one.
//
// The password is never written in clear and never goes back to the page. Where Electron has a
// real system keychain (safeStorage: macOS Keychain, Windows DPAPI, a Linux secret service — not
// Linux's "basic_text" fallback, whose key is a constant) and the user ticks "remember", it is kept
// encrypted by it. Otherwise it is kept for this run only: handed to the restarted app in a
// one-shot environment variable (read and deleted at start), and asked for again after the app
// quits. Switching databases restarts the app: every part of main (IPC, reminders, calendar file,
// watch runner, live refresh) is bound to the one store it opened, and a restart rebinds them all
// the way a cold start does.
import { DB_ENV_VAR, defaultDatabasePath } from '../core/store/location.ts'
import { postgresDisplayName } from '../core/store/postgres/display-name.ts'
import { isTeamDatabaseUrl } from '../core/store/postgres/open-team-database.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import {
  connectionStringProblem,
  type DatabaseChosenBy,
  type KeptPassword,
  type TeamDatabaseConnectRequest,
  type TeamDatabaseStatus,
} from '../shared/team-database.ts'
import { dbArgument } from './args.ts'

/** The file in userData that keeps the choice. */
export const TEAM_DATABASE_FILE = 'team-database.json'
/** Carries a password the user did not want kept to the restarted app, once (deleted at start). */
export const PASSWORD_FOR_THIS_RUN_VAR = 'MEASURE_TRACKER_TEAM_PASSWORD_ONCE'

/** What Electron's safeStorage offers, as this module uses it. */
export interface Keychain {
  /** A real secret store is there (not a constant key). */
  available(): Promise<boolean>
  encrypt(text: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

/** safeStorage as a Keychain; Linux without a secret service ("basic_text") counts as none. */
export function safeStorageKeychain(
  safeStorage: Pick<
    Electron.SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform,
): Keychain {
  return {
    async available() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
    },
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(encrypted)).result,
  }
}

/** The saved choice as written in the file: the connection string has no password in it. */
interface SavedChoice {
  url: string
  password: KeptPassword
  /** base64 of the keychain's encryption of the password, when password is 'keychain'. */
  encrypted?: string
}

export interface TeamDatabaseChoiceOptions {
  file: { read(): string | null; write(text: string): void; remove(): void }
  keychain: Keychain
  /** Opens a connection with this connection string and closes it; throws with a message (never the password) when it cannot. */
  checkConnection(url: string): Promise<void>
  /** Restarts the app; `env` is added to the restarted app's environment. */
  relaunch(env: Record<string, string>): void
  log?: (message: string) => void
}

/** What the app opens at start, and what it must tell the user about the saved choice. */
export interface StartupDatabase {
  /** A file path or a full connection string (with the password): handed to the core only. */
  path: string
  chosenBy: DatabaseChosenBy
  notice: TeamDatabaseStatus['notice']
}

function withPassword(url: string, password: string): string {
  if (!password) return url
  const parsed = new URL(url)
  parsed.password = password
  return parsed.href
}

function withoutPassword(url: string): string {
  const parsed = new URL(url)
  parsed.password = ''
  return parsed.href
}

function parseSaved(text: string | null): SavedChoice | null {
  if (text === null) return null
  try {
    const value = JSON.parse(text) as Partial<SavedChoice>
    if (typeof value.url !== 'string' || connectionStringProblem(value.url) !== null) return null
    if (value.password !== 'keychain' && value.password !== 'this-run' && value.password !== 'none') return null
    if (value.password === 'keychain' && typeof value.encrypted !== 'string') return null
    return { url: withoutPassword(value.url), password: value.password, ...(value.encrypted ? { encrypted: value.encrypted } : {}) }
  } catch {
    return null
  }
}

export interface TeamDatabaseChoice {
  /** Which database to open at start (argv and env as the app was started with; the one-shot password is taken from env). */
  startup(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<StartupDatabase>
  /** The saved team database could not be opened at start: Settings says so; the window uses the file (`fileDefault`). */
  fellBack(location: string, message: string): void
  /** This computer's file, where the app falls back to. */
  fileDefault(): string
  status(): Promise<TeamDatabaseStatus>
  connect(request: TeamDatabaseConnectRequest): Promise<Result<TeamDatabaseStatus>>
  disconnect(): Promise<Result<TeamDatabaseStatus>>
}

export function createTeamDatabaseChoice(options: TeamDatabaseChoiceOptions): TeamDatabaseChoice {
  const { file, keychain } = options
  let fileDefault = defaultDatabasePath()
  let current: TeamDatabaseStatus['current'] = { kind: 'file', location: fileDefault, chosenBy: 'default' }
  let notice: TeamDatabaseStatus['notice'] = null
  let restarting = false
  let switching = false

  const saved = () => parseSaved(file.read())

  async function status(): Promise<TeamDatabaseStatus> {
    const choice = saved()
    return {
      current,
      saved: choice ? { location: postgresDisplayName(choice.url), password: choice.password } : null,
      keychain: await keychain.available(),
      notice,
      restarting,
    }
  }

  /** The saved choice's password: from the keychain, or the one-shot variable; null when it is not at hand. */
  async function savedPassword(choice: SavedChoice, env: NodeJS.ProcessEnv): Promise<string | null> {
    const once = env[PASSWORD_FOR_THIS_RUN_VAR]
    // Read once and forgotten: nothing started from this process inherits it.
    delete env[PASSWORD_FOR_THIS_RUN_VAR]
    if (choice.password === 'none') return ''
    if (choice.password === 'this-run') return once ?? null
    try {
      return await keychain.decrypt(Buffer.from(choice.encrypted ?? '', 'base64'))
    } catch (error) {
      options.log?.(`The team database's password could not be read from the keychain: ${(error as Error)?.message ?? String(error)}`)
      return null
    }
  }

  /** Restarts on the new choice unless an argument or the environment decides this window's database. */
  function restartIfSettingsDecide(env: Record<string, string>): void {
    if (current.chosenBy === 'argument' || current.chosenBy === 'environment') return
    restarting = true
    options.relaunch(env)
  }

  return {
    async startup(argv, env) {
      fileDefault = defaultDatabasePath(process.platform, env)
      const explicit = dbArgument(argv)
      const fromEnv = env[DB_ENV_VAR]
      let chosen: StartupDatabase
      if (explicit) chosen = { path: explicit, chosenBy: 'argument', notice: null }
      else if (fromEnv) chosen = { path: fromEnv, chosenBy: 'environment', notice: null }
      else {
        const choice = saved()
        const password = choice ? await savedPassword(choice, env) : null
        if (choice && password !== null) chosen = { path: withPassword(choice.url, password), chosenBy: 'settings', notice: null }
        else {
          const needsPassword = choice
            ? { kind: 'needs-password' as const, location: postgresDisplayName(choice.url), message: null }
            : null
          chosen = { path: fileDefault, chosenBy: 'default', notice: needsPassword }
        }
      }
      delete env[PASSWORD_FOR_THIS_RUN_VAR]
      const team = isTeamDatabaseUrl(chosen.path)
      current = { kind: team ? 'team' : 'file', location: team ? postgresDisplayName(chosen.path) : chosen.path, chosenBy: chosen.chosenBy }
      notice = chosen.notice
      return chosen
    },

    fellBack(location, message) {
      notice = { kind: 'failed', location, message }
      current = { kind: 'file', location: fileDefault, chosenBy: 'default' }
    },

    fileDefault: () => fileDefault,

    status,

    async connect(request) {
      if (switching || restarting) return fail('CONFLICT', 'The app is already switching databases.')
      const problem = connectionStringProblem(request.url.trim())
      if (problem !== null) return fail('VALIDATION', problem, { issues: [{ path: ['url'], message: problem }] })
      const url = new URL(request.url.trim())
      const password = request.password || decodeURIComponent(url.password)
      const bare = withoutPassword(url.href)
      const kept: KeptPassword = password === '' ? 'none' : request.remember ? 'keychain' : 'this-run'
      if (kept === 'keychain' && !(await keychain.available())) {
        return fail('VALIDATION', 'No system keychain is available here to keep the password; connect without keeping it.', {
          issues: [{ path: ['remember'], message: 'No system keychain is available here.' }],
        })
      }
      switching = true
      try {
        try {
          await options.checkConnection(withPassword(bare, password))
        } catch (error) {
          return fail('STORAGE', `${postgresDisplayName(bare)} could not be reached: ${(error as Error)?.message ?? String(error)}`)
        }
        const choice: SavedChoice = { url: bare, password: kept }
        if (kept === 'keychain') choice.encrypted = (await keychain.encrypt(password)).toString('base64')
        file.write(`${JSON.stringify(choice, null, 2)}\n`)
        notice = null
        restartIfSettingsDecide(kept === 'this-run' ? { [PASSWORD_FOR_THIS_RUN_VAR]: password } : {})
        return ok(await status())
      } finally {
        switching = false
      }
    },

    async disconnect() {
      if (switching || restarting) return fail('CONFLICT', 'The app is already switching databases.')
      file.remove()
      notice = null
      // Only a window on the saved team database has to move; one on the file, or on --db, stays.
      if (current.chosenBy === 'settings') restartIfSettingsDecide({})
      return ok(await status())
    },
  }
}
