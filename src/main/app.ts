// The main process, wired together. Every Electron object arrives as a parameter, so the wiring
// itself is exercised in tests with fakes (there is no Electron binary where the tests run).
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type * as Electron from 'electron'
import { actorName } from '../core/actor.ts'
import type { CoreClient } from '../core/worker/core-client.ts'
import type { CoreOpenOptions } from '../core/worker/protocol.ts'
import type { PushEvent } from '../shared/bridge.ts'
import { translator } from '../shared/i18n/translate.ts'
import { createCalendarFileKeeper } from '../core/calendar-file.ts'
import { createWatchRunner } from '../core/watch/runner.ts'
import { writeFileAtomically } from '../core/fs/atomic-write.ts'
import { checkTeamConnection } from '../core/store/postgres/check-connection.ts'
import { postgresDisplayName } from '../core/store/postgres/display-name.ts'
import { isTeamDatabaseUrl } from '../core/store/postgres/open-team-database.ts'
import { chooseCalendarFile } from './calendar-file.ts'
import { openDatasetFile } from './dataset-file.ts'
import { externalOpener } from './external-url.ts'
import { createAppProtocolHandler, type ProtocolFs } from './app-protocol.ts'
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, PRINT_SCHEME_PRIVILEGES } from './app-scheme.ts'
import { contentSecurityPolicy, installContentSecurityPolicy } from './csp.ts'
import { pushToWindow, registerIpcHandlers, trustedSenderCheck } from './ipc.ts'
import { pickAppLocale } from './locale.ts'
import { buildMenuTemplate } from './menu.ts'
import { buildContextMenuTemplate } from './context-menu.ts'
import { appUrlMatcher, denyAllPermissions, guardWebContents } from './navigation.ts'
import { PRINT_CSP, PRINT_PARTITION, lockDownPrintSession, outputHandlers } from './print.ts'
import { createPrintDocuments } from './print-documents.ts'
import { createReminderScheduler, type NotificationConstructor } from './reminders.ts'
import { shellHandlers } from './shell-handlers.ts'
import { TEAM_DATABASE_FILE, createTeamDatabaseChoice, safeStorageKeychain, type TeamDatabaseChoice } from './team-database-choice.ts'
import { writeFileAtomic } from './save-file.ts'
import { updateSupport } from './update-policy.ts'
import { createUpdater, type Updater, type UpdaterEngine } from './updater.ts'
import { createMainWindow } from './window.ts'
import { WINDOW_STATE_FILE, restoreBounds, trackWindowState, windowStateFile } from './window-state.ts'

export const APP_ID = 'org.measuretracker.app'
export const APP_NAME = 'Measure Tracker'

export interface ElectronModules {
  app: Electron.App
  BrowserWindow: typeof Electron.BrowserWindow
  clipboard: Pick<Electron.Clipboard, 'writeText'>
  dialog: Pick<Electron.Dialog, 'showErrorBox' | 'showSaveDialog' | 'showOpenDialog'>
  ipcMain: Pick<Electron.IpcMain, 'handle' | 'removeHandler'>
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>
  nativeTheme: Pick<Electron.NativeTheme, 'shouldUseDarkColors'>
  Notification: NotificationConstructor
  powerMonitor: Pick<Electron.PowerMonitor, 'on'>
  /** Settings → Team database keeps the password with it, where the system has a keychain. */
  safeStorage: Pick<
    Electron.SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
  >
  protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  screen: Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>
  session: { defaultSession: Electron.Session; fromPartition(partition: string): Electron.Session }
  shell: Pick<Electron.Shell, 'openExternal'>
}

/** What the app needs of the core (src/core/worker/core-client.ts; a test double need not be a worker). */
export type AppCore = Pick<CoreClient, 'service' | 'watchExternalChanges' | 'onRestart' | 'close'>

export interface StartOptions {
  /** out/preload/index.cjs */
  preloadFile: string
  /** out/renderer: served as measure-tracker://app/ (app-protocol.ts). */
  rendererDir: string
  /** How the scheme's handler reads the renderer folder (node:fs/promises, which reads app.asar too). */
  fs: ProtocolFs
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  /** Starts the core (its worker thread, src/core/worker) on the database. */
  openStore: (options: CoreOpenOptions) => Promise<AppCore>
  log?: Pick<Console, 'error' | 'warn'>
  /** The clock of the reminder timer (Date.now). */
  now?: () => number
  /** Settings → Updates: electron-updater's updater (created on first use) and where the packaged app's resources are. */
  updater?: UpdaterSetup
  /** Settings → Team database: opens and closes one connection (default: the PostgreSQL driver's). */
  checkTeamConnection?: (url: string) => Promise<void>
}

export interface UpdaterSetup {
  /** electron-updater's `autoUpdater` getter: the updater is created only when a check is made. */
  engine: () => UpdaterEngine
  /** process.resourcesPath: app-update.yml (the feed) and package-type ('deb') are there. */
  resourcesPath: string
}

/** The name of the file in userData that keeps the update preferences and when the last check was. */
export const UPDATES_FILE = 'updates.json'

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** Settings → Updates for this copy: whether it can update itself, and the updater around electron-updater. */
function setUpUpdates(
  app: Electron.App,
  options: StartOptions,
  hooks: { onChange: Parameters<typeof createUpdater>[0]['onChange']; onFound: (version: string) => void; log: (message: string) => void },
): Updater {
  const setup = options.updater
  const unsupported = updateSupport({
    isPackaged: app.isPackaged && setup !== undefined,
    platform: options.platform,
    appImagePath: options.env.APPIMAGE,
    hasFeed: setup !== undefined && readTextOrNull(join(setup.resourcesPath, 'app-update.yml')) !== null,
    linuxPackageType: setup ? (readTextOrNull(join(setup.resourcesPath, 'package-type'))?.trim() ?? null) : null,
  })
  const file = join(app.getPath('userData'), UPDATES_FILE)
  return createUpdater({
    currentVersion: app.getVersion(),
    unsupported,
    engine: () => {
      if (!setup) throw new Error('No updater in this copy.')
      return setup.engine()
    },
    file: {
      read: () => readTextOrNull(file),
      write: (text) => {
        mkdirSync(dirname(file), { recursive: true })
        writeFileAtomically(file, text)
      },
    },
    now: options.now ?? Date.now,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onChange: hooks.onChange,
    onFoundAutomatically: (release) => hooks.onFound(release.version),
    log: hooks.log,
  })
}

/** Settings → Team database, kept in userData; switching restarts the app (team-database-choice.ts). */
function setUpTeamDatabaseChoice(
  app: Electron.App,
  electron: ElectronModules,
  options: StartOptions,
  log: (message: string) => void,
): TeamDatabaseChoice {
  const file = join(app.getPath('userData'), TEAM_DATABASE_FILE)
  return createTeamDatabaseChoice({
    file: {
      read: () => readTextOrNull(file),
      write: (text) => {
        mkdirSync(dirname(file), { recursive: true })
        writeFileAtomically(file, text)
      },
      remove: () => rmSync(file, { force: true }),
    },
    keychain: safeStorageKeychain(electron.safeStorage, options.platform),
    checkConnection: options.checkTeamConnection ?? checkTeamConnection,
    relaunch: (env) => {
      // The restarted app inherits this process's environment; the answer reaches the page first.
      Object.assign(process.env, env)
      setTimeout(() => {
        app.relaunch()
        app.quit()
      }, RELAUNCH_DELAY_MS)
    },
    log,
  })
}

/** Lets the page show "restarting" before the window closes. */
const RELAUNCH_DELAY_MS = 400

export interface RunningApp {
  store: AppCore
  window(): Electron.BrowserWindow | null
}

/**
 * Starts the app: single-instance lock, security policy for every page, the store, the IPC
 * bridge, the menu, the window and — once the window is ready — the reminder notifications.
 * Resolves to null when another instance already runs or the store cannot be opened (the app is
 * then quitting).
 */
export async function startApp(electron: ElectronModules, options: StartOptions): Promise<RunningApp | null> {
  const {
    app,
    BrowserWindow,
    clipboard,
    dialog,
    ipcMain,
    Menu,
    nativeTheme,
    Notification,
    powerMonitor,
    protocol,
    screen,
    session,
    shell,
  } = electron
  const log = options.log ?? console
  const isDev = !app.isPackaged
  const devServerUrl = isDev ? options.env.ELECTRON_RENDERER_URL : undefined
  const isAppUrl = appUrlMatcher({ devServerUrl })
  const policy = contentSecurityPolicy({ devServerUrl })

  // The app's scheme must be privileged before 'ready' (Electron refuses it later), so this
  // runs before anything awaits.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES, PRINT_SCHEME_PRIVILEGES])
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  if (options.platform === 'win32') app.setAppUserModelId(APP_ID)

  let mainWindow: Electron.BrowserWindow | null = null
  const contents = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null)
  const openExternal = externalOpener(shell)
  // The hidden windows reports are printed from (print.ts): their document is the page's, not
  // the app's, so a link it tries to follow is never handed to the system browser.
  const printContents = new WeakSet<object>()

  // Guards on every webContents the app ever creates, before it can load anything.
  app.on('web-contents-created', (_event, created) => {
    guardWebContents(created, {
      isAppUrl,
      openExternal: (url) => {
        if (printContents.has(created)) return
        openExternal(url).catch((error: unknown) => log.warn(`Could not open ${url}:`, error))
      },
    })
  })
  let openWindow: (() => void) | null = null
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      // macOS keeps running with no window: a second launch opens one (once the app is ready).
      openWindow?.()
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  await app.whenReady()

  const { defaultSession } = session
  // The page and its files, from the renderer folder only, each response with the policy. Only
  // the default session (the app's window) has it: the print windows' session does not.
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: options.rendererDir, policy, fs: options.fs }))
  installContentSecurityPolicy(defaultSession.webRequest, policy)
  denyAllPermissions(defaultSession)
  // The reports being printed, served only in the print windows' session (print-documents.ts).
  const printDocuments = createPrintDocuments(PRINT_CSP)
  lockDownPrintSession(session.fromPartition(PRINT_PARTITION), printDocuments)

  const teamDatabase = setUpTeamDatabaseChoice(app, electron, options, (message) => log.warn(message))
  const startup = await teamDatabase.startup(options.argv, options.env)
  const open = (path: string) => options.openStore({ path, actor: actorName('app'), dailyBackup: true })
  // What the user may be shown of a location: a connection string without its password.
  const shown = (path: string) => (isTeamDatabaseUrl(path) ? postgresDisplayName(path) : path)
  let store: AppCore
  try {
    try {
      store = await open(startup.path)
    } catch (error) {
      // A team database saved in Settings that cannot be opened now (server down, password
      // changed) must not keep the app from starting: it opens this computer's file and Settings
      // says why. One named with --db or MEASURE_TRACKER_DB was asked for this start: refused below.
      if (startup.chosenBy !== 'settings') throw error
      const message = (error as Error)?.message ?? String(error)
      log.warn(`The team database ${shown(startup.path)} could not be opened; using this computer's file: ${message}`)
      teamDatabase.fellBack(shown(startup.path), message)
      store = await open(teamDatabase.fileDefault())
    }
  } catch (error) {
    log.error('Could not open the database:', error)
    dialog.showErrorBox(
      `${APP_NAME} cannot open its database`,
      `${shown(startup.path)}\n\n${(error as Error)?.message ?? String(error)}\n\nStart it with --db=PATH or MEASURE_TRACKER_DB to use another file.`,
    )
    app.quit()
    return null
  }

  const locale = pickAppLocale(preferredLanguages(app))
  const t = translator(locale)

  // Shows the window (making one if macOS left the app without) and sends the page an event.
  const reveal = (event: PushEvent) => {
    const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
    if (!window) {
      createWindow().webContents.once('did-finish-load', () => pushToWindow(contents, event))
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    pushToWindow(contents, event)
  }

  const reminders = createReminderScheduler({
    service: store.service,
    Notification,
    now: options.now ?? Date.now,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    locale: () => locale,
    onOpenMeasure: (id) => reveal({ type: 'open-measure', id }),
    onOpenBoard: () => reveal({ type: 'menu', command: 'go-board' }),
    log: (message) => log.warn(message),
  })

  // The subscribable calendar's file, if one is kept (Settings → Calendar), rewritten after every change.
  const calendarFile = createCalendarFileKeeper({ service: store.service, log: (message) => log.warn(message) })
  // Watching official sources (issue 16), off until the user turns it on: main contacts the network, never the page.
  const watch = createWatchRunner({
    service: store.service,
    onRecorded: () => pushToWindow(contents, { type: 'data-changed' }),
    log: (message) => log.warn(message),
  })
  const saveDialog = {
    dialog,
    parentWindow: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    documentsDir: () => app.getPath('documents'),
    t,
    writeFile: writeFileAtomic,
  }

  const updater = setUpUpdates(app, options, {
    onChange: (status) => pushToWindow(contents, { type: 'update-status', status }),
    // An automatic check found a release: one notification; a click shows Settings → Updates.
    onFound: (version) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({
        title: t('main.updateAvailableTitle', { version }),
        body: t('main.updateAvailableBody'),
      })
      notification.on('click', () => reveal({ type: 'open-updates' }))
      notification.show()
    },
    log: (message) => log.warn(message),
  })

  const unregister = registerIpcHandlers({
    ipcMain,
    service: store.service,
    isTrustedSender: trustedSenderCheck(contents, isAppUrl),
    shell: shellHandlers({
      openExternal,
      output: outputHandlers({ BrowserWindow, documents: printDocuments, track: (created) => printContents.add(created), ...saveDialog }),
      chooseCalendarFile: () => chooseCalendarFile({ ...saveDialog, service: store.service, onChosen: () => calendarFile.changed() }),
      openDatasetFile: () => openDatasetFile(saveDialog),
      updater,
      teamDatabase,
    }),
    onMutation: () => {
      reminders.dataChanged()
      calendarFile.changed()
      watch.changed()
    },
    log: (message) => log.warn(message),
  })
  // A crash of the core: the page says so and reloads; the core is already starting again.
  store.onRestart(() => pushToWindow(contents, { type: 'core-restarted' }))
  const stopWatching = store.watchExternalChanges(() => {
    pushToWindow(contents, { type: 'data-changed' })
    reminders.dataChanged()
    calendarFile.changed()
    watch.changed()
  })
  calendarFile.changed()
  // Timers do not run while the computer sleeps: what fell due meanwhile is shown on waking.
  powerMonitor.on('resume', () => {
    reminders.dataChanged()
    calendarFile.changed()
    watch.changed()
    updater.wake()
  })
  updater.start()
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ t, platform: options.platform, isDev, send: (command) => pushToWindow(contents, { type: 'menu', command }) }),
    ),
  )
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() })

  const stateFile = windowStateFile(join(app.getPath('userData'), WINDOW_STATE_FILE), (error) =>
    log.warn('Could not save the window state:', error),
  )

  let remindersStarted = false
  const createWindow = () => {
    const bounds = restoreBounds(
      stateFile.load(),
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea,
    )
    const window = createMainWindow(BrowserWindow, {
      preloadPath: options.preloadFile,
      bounds,
      title: APP_NAME,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1b1f' : '#ffffff',
      devTools: isDev,
    })
    mainWindow = window
    if (bounds.maximized) window.maximize()
    trackWindowState(window, (state) => stateFile.save(state))
    window.once('ready-to-show', () => {
      window.show()
      // Reminders start with the first window, so a click on one has a page to open the measure in.
      if (remindersStarted) return
      remindersStarted = true
      reminders.start().catch((error: unknown) => log.warn('Checking the reminders failed:', error))
      // Watching official sources (if the user turned it on) starts with the first window too.
      watch.changed()
    })
    window.webContents.on('context-menu', (_event, params) => {
      const template = buildContextMenuTemplate(params, t, {
        replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
        addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
        // Electron 45's clipboard is asynchronous: a refused write is logged, not left unhandled.
        copyText: (text) => {
          clipboard.writeText(text).catch((error: unknown) => log.error('Could not copy to the clipboard:', error))
        },
      })
      if (template.length > 0) Menu.buildFromTemplate(template).popup({ window })
    })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    const loading = window.loadURL(devServerUrl ?? APP_INDEX_URL)
    loading.catch((error: unknown) => log.error('Could not load the app page:', error))
    return window
  }

  createWindow()
  openWindow = () => {
    createWindow()
  }
  app.on('activate', () => {
    if (!mainWindow || mainWindow.isDestroyed()) createWindow()
  })
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    reminders.stop()
    calendarFile.stop()
    watch.stop()
    updater.stop()
    unregister()
    stopWatching()
    // What the core was doing is finished first; a write in progress at exit is rolled back whole.
    store.close().catch((error: unknown) => log.warn('Closing the database failed:', error))
  })

  return { store, window: () => mainWindow }
}

function preferredLanguages(app: Electron.App): string[] {
  try {
    const preferred = app.getPreferredSystemLanguages()
    if (preferred.length > 0) return preferred
  } catch {
    // Older platforms: fall through to the UI locale.
  }
  return [app.getLocale()]
}
