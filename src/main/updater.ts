// Settings → Updates in the desktop app: electron-updater against the project's GitHub releases,
// only ever on the user's word.
//
// - Nothing is checked until the user turns "Check for updates automatically" on or presses
//   "Check now". Automatic checks follow update-policy.ts (a minute after start at the earliest,
//   then daily; an hour after a failure), one at a time; the choice and the times are kept in
//   userData/updates.json.
// - A check only asks: electron-updater's autoDownload and autoInstallOnAppQuit are off. A newer
//   release (decideOffer: never a downgrade, pre-releases only to pre-releases) is shown with its
//   notes; it is downloaded when the user says so, and installed — the app restarts — when the user
//   says so again.
// - An automatic check that finds a release shows one notification; clicking it opens Settings.
// - A copy that cannot update itself (started from the sources, no feed, a Linux folder) never
//   creates electron-updater's updater; the page says why instead.
//
// electron-updater's updater, the file and the clock come in as parameters, so this is tested
// with fakes.
import { fail, ok, type Result } from '../shared/result.ts'
import {
  type ReleaseSummary,
  type UpdatePreferences,
  type UpdatePhase,
  type UpdateStatus,
  type UpdateUnsupportedReason,
} from '../shared/updates.ts'
import {
  decideOffer,
  isPrerelease,
  nextAutomaticCheckAt,
  parseStoredUpdates,
  releaseSummary,
  type ReleaseInfo,
  type StoredUpdates,
} from './update-policy.ts'

/** The part of electron-updater's AppUpdater (its `autoUpdater`) used here. */
export interface UpdaterEngine {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  allowPrerelease: boolean
  allowDowngrade: boolean
  checkForUpdates(): Promise<{ updateInfo: ReleaseInfo } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown
}

export interface UpdaterOptions {
  /** app.getVersion() */
  currentVersion: string
  /** update-policy.ts updateSupport(): null when this copy can update itself. */
  unsupported: UpdateUnsupportedReason | null
  /** Creates electron-updater's updater on first use (its `autoUpdater` getter). */
  engine: () => UpdaterEngine
  /** userData/updates.json */
  file: { read(): string | null; write(text: string): void }
  now: () => number
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
  /** Every change of the status (the page is sent it). */
  onChange: (status: UpdateStatus) => void
  /** An automatic check found a release the user has not been told of in this run. */
  onFoundAutomatically?: (release: ReleaseSummary) => void
  log?: (message: string) => void
}

export interface Updater {
  status(): UpdateStatus
  /**
   * Saves the preferences and re-plans the automatic checks. The page's input has been checked
   * against updatePreferencesSchema by the shell's dispatcher (src/shared/shell-api.ts) first.
   */
  configure(preferences: UpdatePreferences): Result<UpdateStatus>
  /** "Check now": asks at once (unless a check or download is under way: then the status as it is). */
  check(): Promise<Result<UpdateStatus>>
  /** Downloads the release on offer. */
  download(): Promise<Result<UpdateStatus>>
  /** Quits and installs the downloaded release. */
  install(): Result<null>
  /** Plans the first automatic check (if the user turned them on). */
  start(): void
  /** Looks again at when the next automatic check is due (after the computer woke up). */
  wake(): void
  stop(): void
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function createUpdater(options: UpdaterOptions): Updater {
  const { now, log = () => {} } = options
  const startedAt = now()
  let stored: StoredUpdates = parseStoredUpdates(safeRead())
  let state: UpdatePhase = { phase: 'idle' }
  let engine: UpdaterEngine | null = null
  let timer: unknown = null
  let stopped = false
  let announced: string | null = null

  function safeRead(): string | null {
    try {
      return options.file.read()
    } catch {
      return null
    }
  }

  function save(): void {
    try {
      options.file.write(`${JSON.stringify(stored, null, 2)}\n`)
    } catch (error) {
      log(`Could not save the update settings: ${messageOf(error)}`)
    }
  }

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

  function status(): UpdateStatus {
    return {
      currentVersion: options.currentVersion,
      unsupported: options.unsupported,
      preferences: stored.preferences,
      lastCheckedAt: iso(stored.lastCheckedAt),
      state,
    }
  }

  function setState(next: UpdatePhase): void {
    state = next
    options.onChange(status())
  }

  function getEngine(): UpdaterEngine {
    if (engine) return engine
    const created = options.engine()
    // Ask, never act: downloading and installing wait for the user.
    created.autoDownload = false
    created.autoInstallOnAppQuit = false
    created.allowDowngrade = false
    created.allowPrerelease = isPrerelease(options.currentVersion)
    created.on('download-progress', (progress) => {
      if (state.phase !== 'downloading') return
      const percent = Math.max(0, Math.min(100, Math.floor(progress.percent)))
      if (percent !== state.percent) setState({ ...state, percent })
    })
    engine = created
    return created
  }

  const busy = () => state.phase === 'checking' || state.phase === 'downloading'
  const refused = (): Result<never> => fail('FORBIDDEN', 'This copy of Measure Tracker cannot update itself.')

  function plan(): void {
    if (timer !== null) options.clearTimeout(timer)
    timer = null
    if (stopped || options.unsupported !== null) return
    const due = nextAutomaticCheckAt(stored, now(), startedAt)
    if (due === null) return
    timer = options.setTimeout(
      () => {
        timer = null
        // A check the user started, or a download, is already under way: look again later.
        if (busy()) plan()
        else runCheck(true).catch((error: unknown) => log(`Automatic update check: ${messageOf(error)}`))
      },
      Math.max(0, due - now()),
    )
  }

  async function runCheck(automatic: boolean): Promise<Result<UpdateStatus>> {
    setState({ phase: 'checking' })
    stored = { ...stored, lastAttemptAt: now() }
    try {
      const answer = await getEngine().checkForUpdates()
      if (answer === null) throw new Error('The updater is not active in this copy.')
      const release = releaseSummary(answer.updateInfo)
      stored = { ...stored, lastCheckedAt: now(), lastAttemptFailed: false }
      if (decideOffer(options.currentVersion, release.version).offer) {
        setState({ phase: 'available', release })
        if (automatic && announced !== release.version) {
          announced = release.version
          options.onFoundAutomatically?.(release)
        }
      } else setState({ phase: 'up-to-date' })
    } catch (error) {
      stored = { ...stored, lastAttemptFailed: true }
      log(`Update check failed: ${messageOf(error)}`)
      setState({ phase: 'failed', during: 'check', message: messageOf(error), release: null })
    }
    save()
    plan()
    return ok(status())
  }

  return {
    status,
    configure(preferences) {
      stored = { ...stored, preferences }
      save()
      plan()
      options.onChange(status())
      return ok(status())
    },
    async check() {
      if (options.unsupported !== null) return refused()
      if (busy()) return ok(status())
      return runCheck(false)
    },
    async download() {
      if (options.unsupported !== null) return refused()
      if (state.phase === 'downloading' || state.phase === 'downloaded') return ok(status())
      const release = state.phase === 'available' ? state.release : state.phase === 'failed' ? state.release : null
      if (release === null) return fail('CONFLICT', 'There is no update to download: check for updates first.')
      setState({ phase: 'downloading', release, percent: 0 })
      try {
        await getEngine().downloadUpdate()
        setState({ phase: 'downloaded', release })
      } catch (error) {
        log(`Update download failed: ${messageOf(error)}`)
        setState({ phase: 'failed', during: 'download', message: messageOf(error), release })
      }
      return ok(status())
    },
    install() {
      if (options.unsupported !== null) return refused()
      if (state.phase !== 'downloaded') return fail('CONFLICT', 'No update has been downloaded yet.')
      const { release } = state
      try {
        // Not silent (Windows shows its installer's progress), and the app starts again afterwards.
        getEngine().quitAndInstall(false, true)
        return ok(null)
      } catch (error) {
        setState({ phase: 'failed', during: 'install', message: messageOf(error), release })
        return fail('INTERNAL', messageOf(error))
      }
    },
    start: plan,
    wake: () => {
      if (timer !== null) plan()
    },
    stop() {
      stopped = true
      if (timer !== null) options.clearTimeout(timer)
      timer = null
    },
  }
}
