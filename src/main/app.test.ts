// The main process wired with fake Electron modules: what a real run would do, checked without
// an Electron binary.
import { actorName } from '../core/actor.ts'
import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, NotificationConstructorOptions, WebContentsPrintOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startCore } from '../core/worker/core-client.ts'
import type { DueReminder } from '../shared/api-views.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { IPC_PREFIX, IPC_PUSH_CHANNEL } from '../shared/bridge.ts'
import { UPDATE_NAMES, channelOf } from '../../test/helpers/shell-requests.ts'
import { ok, type Result } from '../shared/result.ts'
import type { ProtocolFs } from './app-protocol.ts'
import { APP_INDEX_URL, APP_SCHEME } from './app-scheme.ts'
import { startApp, type AppCore, type ElectronModules, type StartOptions } from './app.ts'
import { PRINT_PARTITION } from './print.ts'
import { TEAM_DATABASE_FILE } from './team-database-choice.ts'

const RENDERER_DIR = join(tmpdir(), 'mt-app', 'out', 'renderer')
const INDEX_URL = APP_INDEX_URL
/** The renderer folder as the scheme's handler would read it: index.html only. */
const rendererFs: ProtocolFs = {
  realpath: async (path) => path,
  stat: async (path) => ({ isFile: () => path === join(RENDERER_DIR, 'index.html') }),
  readFile: async (path) => {
    if (path !== join(RENDERER_DIR, 'index.html')) throw new Error('ENOENT')
    return new TextEncoder().encode('<!doctype html><title>Measure Tracker</title>')
  },
}

class FakeContents extends EventEmitter {
  mainFrame = { url: INDEX_URL, parent: null, processId: 3, routingId: 1 }
  send = vi.fn()
  destroyed = false
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  printed: WebContentsPrintOptions[] = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  print(options: WebContentsPrintOptions, callback: (success: boolean, reason: string) => void) {
    this.printed.push(options)
    setImmediate(() => callback(true, ''))
  }
  async printToPDF() {
    return new Uint8Array([37, 80, 68, 70])
  }
  isDestroyed() {
    return this.destroyed
  }
}

class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  /** What Electron does while constructing: app 'web-contents-created'. */
  static onCreate: ((window: FakeBrowserWindow) => void) | null = null
  readonly options: BrowserWindowConstructorOptions
  readonly webContents = new FakeContents()
  loadFile = vi.fn(async () => {})
  loadURL = vi.fn(async () => {})
  maximize = vi.fn()
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  minimized = false
  destroyed = false
  constructor(options: BrowserWindowConstructorOptions) {
    super()
    this.options = options
    FakeBrowserWindow.instances.push(this)
    FakeBrowserWindow.onCreate?.(this)
  }
  destroy() {
    this.destroyed = true
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return this.minimized
  }
  isMaximized() {
    return false
  }
  isFullScreen() {
    return false
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 1100, height: 750 }
  }
}

function fakeElectron(userData: string, { lock = true, packaged = true } = {}) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: packaged,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(async () => {}),
    getPath: vi.fn((name: string) => (name === 'userData' || name === 'temp' || name === 'documents' ? userData : '/nowhere')),
    getPreferredSystemLanguages: vi.fn(() => ['zh-TW', 'en-US']),
    getLocale: vi.fn(() => 'en-US'),
    setAboutPanelOptions: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
  })
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>()
  const session = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  }
  const printSession = Object.assign(new EventEmitter(), {
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
    protocol: { handle: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  })
  class Notification extends EventEmitter {
    static shown: Notification[] = []
    static isSupported = vi.fn(() => true)
    readonly options: NotificationConstructorOptions
    constructor(options: NotificationConstructorOptions) {
      super()
      this.options = options
    }
    show() {
      Notification.shown.push(this)
    }
  }
  FakeBrowserWindow.onCreate = (window) => app.emit('web-contents-created', {}, window.webContents)
  const schemes = new Map<string, (request: Request) => Promise<Response>>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => schemes.set(scheme, handler)),
  }
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    clipboard: { writeText: vi.fn() },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: join(userData, 'saved-here.ics') })),
    },
    Notification,
    powerMonitor: new EventEmitter(),
    protocol,
    // A keychain that seals for real, as safeStorage does (no Electron binary here to use the real one).
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(text).reverse()),
      decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ shouldReEncrypt: false, result: Buffer.from(sealed).reverse().toString() })),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) =>
        handlers.set(channel, handler),
      ),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })), setApplicationMenu: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
    },
    session: { defaultSession: session, fromPartition: vi.fn((_partition: string) => printSession) },
    shell: { openExternal: vi.fn(async () => {}) },
  }
  return { electron: electron as unknown as ElectronModules, app, handlers, session, printSession, protocol, schemes, fakes: electron }
}

/** Lets the reminder look a timer or an event started finish (the service answers asynchronously). */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** The service's answer to reminders.due when nothing is due and nothing is scheduled. */
const NOTHING_DUE = { nowMs: 0, reminders: [], nextWakeMs: null }

function fakeStore(due: () => unknown = () => NOTHING_DUE): AppCore & { fire(): void } {
  let watcher: (() => void) | null = null
  const call = vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (method === 'reminders.due') return ok(due())
    if (method === 'reminders.markShown') return ok({ recorded: (input as { keys: string[] }).keys.length, lastRunMs: 0 })
    return ok({ fake: true })
  })
  return {
    service: { call } as unknown as AppCore['service'],
    onRestart: vi.fn(() => () => undefined),
    watchExternalChanges: vi.fn((listener: () => void) => {
      watcher = listener
      return () => (watcher = null)
    }),
    close: vi.fn(async () => undefined),
    fire: () => watcher?.(),
  }
}

describe('startApp', () => {
  let userData: string
  beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'mt-userdata-'))
    FakeBrowserWindow.instances = []
    FakeBrowserWindow.onCreate = null
  })
  afterEach(() => rmSync(userData, { recursive: true, force: true }))

  const options = (store: AppCore | Error, extra: Partial<StartOptions> = {}): StartOptions => ({
    preloadFile: '/app/out/preload/index.cjs',
    rendererDir: RENDERER_DIR,
    fs: rendererFs,
    argv: ['/opt/Measure Tracker/measure-tracker', '--db=/tmp/chosen.db'],
    env: {},
    platform: 'linux',
    openStore: vi.fn(async () => {
      if (store instanceof Error) throw store
      return store
    }),
    log: { error: vi.fn(), warn: vi.fn() },
    ...extra,
  })

  it('quits at once when another instance holds the lock, touching nothing', async () => {
    const { electron, app } = fakeElectron(userData, { lock: false })
    const opts = options(fakeStore())
    expect(await startApp(electron, opts)).toBeNull()
    expect(app.quit).toHaveBeenCalled()
    expect(opts.openStore).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(app.enableSandbox).toHaveBeenCalled()
  })

  it('opens the store named by --db as actor "app", and the sandboxed window on the built page', async () => {
    const { electron, app, fakes } = fakeElectron(userData)
    const store = fakeStore()
    const opts = options(store)
    const running = await startApp(electron, opts)
    expect(running).not.toBeNull()
    expect(opts.openStore).toHaveBeenCalledWith({ path: '/tmp/chosen.db', actor: actorName('app'), dailyBackup: true })
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    const window = FakeBrowserWindow.instances[0]!
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/app/out/preload/index.cjs',
      devTools: false,
    })
    expect(window.loadURL).toHaveBeenCalledWith('measure-tracker://app/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalled()
  })

  it('registers the app scheme as privileged (standard, secure, CSP not bypassed) before the app is ready', async () => {
    const { electron, app, protocol } = fakeElectron(userData)
    let registeredBeforeReady = false
    app.whenReady.mockImplementation(async () => {
      registeredBeforeReady = protocol.registerSchemesAsPrivileged.mock.calls.length === 1
    })
    await startApp(electron, options(fakeStore()))
    expect(registeredBeforeReady).toBe(true)
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ scheme: string; privileges: Record<string, boolean> }[]],
    ]
    expect(schemes).toEqual([
      { scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
      { scheme: 'measure-tracker-print', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
    ])
  })

  it('serves the page on its scheme from the renderer folder, with the strict policy, and nothing else', async () => {
    const { electron, schemes } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    const handler = schemes.get(APP_SCHEME)!
    const page = await handler(new Request('measure-tracker://app/index.html'))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Measure Tracker</title>')
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/)
    expect(page.headers.get('content-security-policy')).not.toMatch(/file:|unsafe/)
    expect((await handler(new Request('measure-tracker://app/../../etc/passwd'))).status).toBeGreaterThanOrEqual(403)
  })

  it('installs the CSP and denies permissions on the session', async () => {
    const { electron, session } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1)
    expect(session.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.setPermissionCheckHandler).toHaveBeenCalled()
  })

  it('guards every webContents the app creates', async () => {
    const { electron, app } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    const created = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    app.emit('web-contents-created', {}, created)
    expect(created.listenerCount('will-navigate')).toBe(1)
    expect(created.listenerCount('will-redirect')).toBe(1)
    expect(created.setWindowOpenHandler).toHaveBeenCalled()
  })

  it('answers IPC from its window and refuses a foreign frame', async () => {
    const { electron, handlers } = fakeElectron(userData)
    const store = fakeStore()
    await startApp(electron, options(store))
    const window = FakeBrowserWindow.instances[0]!
    expect([...handlers.keys()].sort()).toEqual(
      [
        ...EXPOSED_METHODS.map((m) => IPC_PREFIX + m),
        channelOf('openExternal'),
        channelOf('saveFile'),
        channelOf('printHtml'),
        channelOf('saveHtmlAsPdf'),
        channelOf('chooseCalendarFile'),
        channelOf('openDatasetFile'),
        ...UPDATE_NAMES.map(channelOf),
        channelOf('teamDatabase.status'),
        channelOf('teamDatabase.connect'),
        channelOf('teamDatabase.disconnect'),
      ].sort(),
    )
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(`${IPC_PREFIX}measures.tags`)!(trusted, {})).toEqual({ ok: true, value: { fake: true } })
    const foreign = {
      sender: window.webContents,
      senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' },
    } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(`${IPC_PREFIX}measures.delete`)!(foreign, { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    for (const channel of [channelOf('saveFile'), channelOf('printHtml'), channelOf('saveHtmlAsPdf'), channelOf('chooseCalendarFile')]) {
      expect(await handlers.get(channel)!(foreign, { html: '<p>', paper: 'A4', landscape: true })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    expect(store.service.call).toHaveBeenCalledTimes(1)
  })

  it('Settings → Updates: an installed AppImage asks electron-updater only when told to, and answers its own window only', async () => {
    const { electron, handlers } = fakeElectron(userData)
    const resources = join(userData, 'resources')
    mkdirSync(resources)
    writeFileSync(join(resources, 'app-update.yml'), 'provider: github\nowner: someone\nrepo: measure-tracker\n')
    const engine = {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: true,
      checkForUpdates: vi.fn(async () => ({ updateInfo: { version: '0.2.0', releaseNotes: '<p>New board</p>' } })),
      downloadUpdate: vi.fn(async () => []),
      quitAndInstall: vi.fn(),
      on: vi.fn(),
    }
    const makeEngine = vi.fn(() => engine)
    await startApp(
      electron,
      options(fakeStore(), {
        env: { APPIMAGE: '/home/me/measure-tracker.AppImage' },
        updater: { engine: makeEngine, resourcesPath: resources },
      }),
    )
    const window = FakeBrowserWindow.instances[0]!
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    const foreign = {
      sender: window.webContents,
      senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' },
    } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(channelOf('updates.status'))!(trusted)).toEqual({
      ok: true,
      value: {
        currentVersion: '0.1.0',
        unsupported: null,
        preferences: { checkAutomatically: false },
        lastCheckedAt: null,
        state: { phase: 'idle' },
      },
    })
    for (const channel of UPDATE_NAMES.map(channelOf))
      expect(await handlers.get(channel)!(foreign, { checkAutomatically: true }), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    expect(makeEngine).not.toHaveBeenCalled()

    expect(await handlers.get(channelOf('updates.check'))!(trusted)).toMatchObject({
      ok: true,
      value: { state: { phase: 'available', release: { version: '0.2.0', notes: 'New board' } } },
    })
    expect(engine.autoDownload).toBe(false)
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, {
      type: 'update-status',
      status: expect.objectContaining({ state: expect.objectContaining({ phase: 'available' }) }),
    })
    expect(await handlers.get(channelOf('updates.configure'))!(trusted, { checkAutomatically: true })).toMatchObject({ ok: true })
    expect(JSON.parse(readFileSync(join(userData, 'updates.json'), 'utf8'))).toMatchObject({ preferences: { checkAutomatically: true } })
  })

  it('Settings → Updates: a copy started from the sources says it does not update itself and refuses a check', async () => {
    const { electron, handlers } = fakeElectron(userData, { packaged: false })
    const makeEngine = vi.fn()
    await startApp(electron, options(fakeStore(), { updater: { engine: makeEngine, resourcesPath: userData } }))
    const window = FakeBrowserWindow.instances[0]!
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(channelOf('updates.status'))!(trusted)).toMatchObject({ ok: true, value: { unsupported: 'not-packaged' } })
    expect(await handlers.get(channelOf('updates.check'))!(trusted)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(makeEngine).not.toHaveBeenCalled()
  })

  it('pushes data-changed when another process writes, and menu commands', async () => {
    const { electron, fakes } = fakeElectron(userData)
    const store = fakeStore()
    await startApp(electron, options(store))
    const window = FakeBrowserWindow.instances[0]!
    store.fire()
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'data-changed' })
    const template = fakes.Menu.buildFromTemplate.mock.calls[0]![0] as { label: string; submenu: { id?: string; click?: () => void }[] }[]
    expect(template[0]!.label).toBe('檔案') // system language zh-TW
    template[0]!.submenu.find((item) => item.id === 'new-measure')!.click!()
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'menu', command: 'new-measure' })
  })

  it('offers copy/paste and spelling suggestions on right-click in its window', async () => {
    const { electron, fakes } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    const window = FakeBrowserWindow.instances[0]!
    const params = {
      isEditable: true,
      selectionText: '',
      misspelledWord: 'tarif',
      dictionarySuggestions: ['tariff'],
      linkURL: '',
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    }
    window.webContents.emit('context-menu', {}, params)
    const built = fakes.Menu.buildFromTemplate.mock.results.at(-1)!.value as {
      template: { label?: string }[]
      popup: ReturnType<typeof vi.fn>
    }
    expect(built.template.map((item) => item.label)).toContain('tariff')
    expect(built.popup).toHaveBeenCalledWith({ window })
  })

  it('focuses the existing window when a second instance starts', async () => {
    const { electron, app } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    const window = FakeBrowserWindow.instances[0]!
    window.minimized = true
    app.emit('second-instance', {}, ['app'], '/')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })

  it('opens a window for a second launch when none is open (macOS)', async () => {
    const { electron, app } = fakeElectron(userData)
    await startApp(electron, options(fakeStore(), { platform: 'darwin' }))
    const first = FakeBrowserWindow.instances[0]!
    first.destroyed = true
    first.emit('closed')
    app.emit('window-all-closed')
    expect(app.quit).not.toHaveBeenCalled()
    app.emit('second-instance', {}, ['app'], '/')
    expect(FakeBrowserWindow.instances).toHaveLength(2)
  })

  it('quits when its window closes (Linux, Windows)', async () => {
    const { electron, app } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalled()
  })

  it('remembers the window bounds under userData', async () => {
    const { electron } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    FakeBrowserWindow.instances[0]!.emit('close')
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 5, y: 6, width: 1100, height: 750 },
      maximized: false,
    })
    FakeBrowserWindow.instances = []
    const second = fakeElectron(userData)
    await startApp(second.electron, options(fakeStore()))
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ x: 5, y: 6, width: 1100, height: 750 })
  })

  it('loads the dev server in development only', async () => {
    const dev = fakeElectron(userData, { packaged: false })
    await startApp(dev.electron, options(fakeStore(), { env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }))
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences?.devTools).toBe(true)
    FakeBrowserWindow.instances = []
    const packaged = fakeElectron(userData, { packaged: true })
    await startApp(packaged.electron, options(fakeStore(), { env: { ELECTRON_RENDERER_URL: 'http://evil.example' } }))
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('measure-tracker://app/index.html')
    expect(FakeBrowserWindow.instances[0]!.loadFile).not.toHaveBeenCalled()
  })

  it('says so and quits when the database cannot be opened', async () => {
    const { electron, app, fakes } = fakeElectron(userData)
    expect(await startApp(electron, options(new Error('database is newer than this app')))).toBeNull()
    expect(fakes.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringContaining('database'),
      expect.stringContaining('newer than this app'),
    )
    expect(app.quit).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('names a team database it cannot open without its password', async () => {
    const { electron, fakes } = fakeElectron(userData)
    const opts = options(new Error('the database server cannot be reached'), {
      argv: ['/opt/Measure Tracker/measure-tracker', '--db', 'postgres://ana:hunter2@db.example.org/measures'],
    })
    expect(await startApp(electron, opts)).toBeNull()
    const [, detail] = fakes.dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(detail).toContain('postgres://ana@db.example.org/measures')
    expect(detail).not.toContain('hunter2')
  })

  it('a team database saved in Settings that cannot be opened: this computer’s file opens, and Settings says why', async () => {
    const { electron, handlers } = fakeElectron(userData)
    writeFileSync(join(userData, TEAM_DATABASE_FILE), JSON.stringify({ url: 'postgres://ana@db.example.org/measures', password: 'none' }))
    const store = fakeStore()
    const opened: string[] = []
    const opts = options(store, {
      argv: ['/opt/Measure Tracker/measure-tracker'],
      env: { XDG_CONFIG_HOME: userData },
      openStore: vi.fn(async ({ path }: { path: string }) => {
        opened.push(path)
        if (path.startsWith('postgres://')) throw new Error('the database server cannot be reached')
        return store
      }),
    })
    expect(await startApp(electron, opts)).not.toBeNull()
    expect(opened).toEqual(['postgres://ana@db.example.org/measures', join(userData, 'Measure Tracker', 'measure-tracker.db')])
    const window = FakeBrowserWindow.instances[0]!
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(channelOf('teamDatabase.status'))!(trusted, undefined)).toMatchObject({
      ok: true,
      value: {
        current: { kind: 'file', chosenBy: 'default' },
        saved: { location: 'postgres://ana@db.example.org/measures', password: 'none' },
        notice: { kind: 'failed', location: 'postgres://ana@db.example.org/measures', message: 'the database server cannot be reached' },
      },
    })
  })

  it('closes the store and removes its handlers on quit', async () => {
    const { electron, app, handlers } = fakeElectron(userData)
    const store = fakeStore()
    await startApp(electron, options(store))
    app.emit('will-quit')
    expect(store.close).toHaveBeenCalled()
    expect(handlers.size).toBe(0)
  })

  it('serves the real store over the IPC handlers (embedded dataset), from the core in its worker', async () => {
    const { electron, handlers } = fakeElectron(userData)
    const dbPath = join(userData, 'real.db')
    let core: AppCore | null = null
    const openStore = async (open: Parameters<StartOptions['openStore']>[0]) => (core = await startCore(open))
    await startApp(electron, options(fakeStore(), { argv: ['app', `--db=${dbPath}`], openStore }))
    const window = FakeBrowserWindow.instances[0]!
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    const list = (await handlers.get(`${IPC_PREFIX}measures.list`)!(trusted, {})) as { ok: boolean; value: unknown[] }
    expect(list.ok).toBe(true)
    expect(list.value.length).toBeGreaterThan(0)
    const invalid = await handlers.get(`${IPC_PREFIX}measures.get`)!(trusted, { id: 42 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    electron.app.emit('will-quit')
    await core!.close()
  })

  it('locks down the print session and prints in a hidden window that never opens links', async () => {
    const { electron, handlers, printSession, fakes } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    expect(fakes.session.fromPartition).toHaveBeenCalledWith(PRINT_PARTITION)
    expect(printSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1)
    expect(printSession.setPermissionRequestHandler).toHaveBeenCalled()
    // The print scheme is served in the print session; the app's session serves only the app scheme.
    expect(printSession.protocol.handle).toHaveBeenCalledWith('measure-tracker-print', expect.any(Function))
    expect(fakes.protocol.handle.mock.calls.map(([scheme]) => scheme)).toEqual([APP_SCHEME])
    const main = FakeBrowserWindow.instances[0]!
    const trusted = { sender: main.webContents, senderFrame: main.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    const html = '<!doctype html><title>r</title><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    expect(await handlers.get(channelOf('printHtml'))!(trusted, { html, paper: 'A4', landscape: true })).toEqual({ ok: true, value: null })
    expect(FakeBrowserWindow.instances).toHaveLength(2)
    const printWindow = FakeBrowserWindow.instances[1]!
    expect(printWindow.options.show).toBe(false)
    expect(printWindow.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: PRINT_PARTITION,
    })
    expect(printWindow.options.webPreferences?.preload).toBeUndefined()
    expect(printWindow.webContents.printed).toEqual([{ silent: false, printBackground: true, pageSize: 'A4', landscape: true }])
    expect(printWindow.destroyed).toBe(true)
    expect(printWindow.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^measure-tracker-print:\/\/document\//))
    expect(printWindow.loadFile).not.toHaveBeenCalled()
    // The app's own guard and the print window's: the refresh is refused and no browser opens.
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() }
    printWindow.webContents.emit('will-navigate', navigation)
    expect(navigation.preventDefault).toHaveBeenCalled()
    expect(printWindow.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(fakes.shell.openExternal).not.toHaveBeenCalled()
    // …while a link in the app's window still goes to the browser.
    main.webContents.emit('will-navigate', { url: 'https://example.com/', preventDefault: vi.fn() })
    await new Promise((resolve) => setImmediate(resolve))
    expect(fakes.shell.openExternal).toHaveBeenCalledWith('https://example.com/')
  })

  it('saves a file and a PDF through the save dialog on its window', async () => {
    const { electron, handlers, fakes } = fakeElectron(userData)
    await startApp(electron, options(fakeStore()))
    const main = FakeBrowserWindow.instances[0]!
    const trusted = { sender: main.webContents, senderFrame: main.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    const target = join(userData, 'saved-here.ics')
    expect(
      await handlers.get(channelOf('saveFile'))!(trusted, { filename: 'all.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' }),
    ).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe('BEGIN:VCALENDAR')
    expect(fakes.dialog.showSaveDialog.mock.calls[0]![0]).toBe(main)
    expect(fakes.dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({
      defaultPath: join(userData, 'all.ics'),
      filters: [{ name: '行事曆 (iCalendar)', extensions: ['ics'] }],
    })
    expect(
      await handlers.get(channelOf('saveFile'))!(trusted, { filename: '../all.ics', mimeType: 'text/calendar', content: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(fakes.dialog.showSaveDialog).toHaveBeenCalledTimes(1)
    fakes.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(userData, 'r.pdf') })
    expect(
      await handlers.get(channelOf('saveHtmlAsPdf'))!(trusted, { html: '<p>r</p>', paper: 'Letter', landscape: false, filename: 'r.pdf' }),
    ).toEqual({
      ok: true,
      value: { path: join(userData, 'r.pdf') },
    })
    expect(readFileSync(join(userData, 'r.pdf'), 'latin1')).toBe('%PDF')
  })

  describe('reminders', () => {
    const at = '2026-11-10T00:01:00-05:00[America/New_York]'
    const due = (n: number): DueReminder => ({
      key: `m${n}|suspension_end|${at}|7`,
      measureId: `m${n}`,
      title: { en: `Measure ${n}` },
      transition: { kind: 'suspension_end', at, atMs: Date.parse('2026-11-10T05:01:00Z'), eventId: `e${n}` } as DueReminder['transition'],
      leadDays: 7,
      dueAtMs: Date.parse('2026-11-03T05:01:00Z'),
      missed: false,
      superseded: false,
    })
    const dueNow = (count: number) => () => ({
      nowMs: Date.parse('2026-11-03T06:00:00Z'),
      reminders: Array.from({ length: count }, (_, i) => due(i + 1)),
      nextWakeMs: null,
    })
    const dueCalls = (store: AppCore) =>
      (store.service.call as ReturnType<typeof vi.fn>).mock.calls.filter(([method]) => method === 'reminders.due').length
    type ShownNotification = EventEmitter & { options: NotificationConstructorOptions }
    const shown = (fakes: ReturnType<typeof fakeElectron>['fakes']) =>
      (fakes.Notification as unknown as { shown: ShownNotification[] }).shown

    afterEach(() => vi.useRealTimers())

    it('start once the window is ready, in the system language; a click brings the window and opens the measure', async () => {
      const { electron, fakes } = fakeElectron(userData)
      const store = fakeStore(dueNow(1))
      await startApp(electron, options(store))
      expect(dueCalls(store)).toBe(0)
      const window = FakeBrowserWindow.instances[0]!
      window.emit('ready-to-show')
      await settle()
      expect(dueCalls(store)).toBe(1)
      expect(shown(fakes)).toHaveLength(1)
      expect(shown(fakes)[0]!.options.title).toBe('暫停期滿：7 天後')
      window.minimized = true
      shown(fakes)[0]!.emit('click', {})
      expect(window.restore).toHaveBeenCalled()
      expect(window.focus).toHaveBeenCalled()
      expect(window.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'open-measure', id: 'm1' })
      window.emit('ready-to-show')
      await settle()
      expect(dueCalls(store)).toBe(1)
    })

    it('summarize many at once; the summary opens the board', async () => {
      const { electron, fakes } = fakeElectron(userData)
      await startApp(electron, options(fakeStore(dueNow(8))))
      const window = FakeBrowserWindow.instances[0]!
      window.emit('ready-to-show')
      await settle()
      expect(shown(fakes)).toHaveLength(1)
      shown(fakes)[0]!.emit('click', {})
      expect(window.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'menu', command: 'go-board' })
    })

    it('open a window for a click when macOS has none, and send the measure once it has loaded', async () => {
      const { electron, fakes } = fakeElectron(userData)
      await startApp(electron, options(fakeStore(dueNow(1)), { platform: 'darwin' }))
      const first = FakeBrowserWindow.instances[0]!
      first.emit('ready-to-show')
      await settle()
      first.destroyed = true
      first.emit('closed')
      shown(fakes)[0]!.emit('click', {})
      expect(FakeBrowserWindow.instances).toHaveLength(2)
      const second = FakeBrowserWindow.instances[1]!
      expect(second.webContents.send).not.toHaveBeenCalled()
      second.webContents.emit('did-finish-load')
      expect(second.webContents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'open-measure', id: 'm1' })
    })

    it('look again after a change made through IPC, by another process, or on waking — and not after quitting', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const { electron, handlers, fakes, app } = fakeElectron(userData)
      const store = fakeStore()
      await startApp(electron, options(store))
      const window = FakeBrowserWindow.instances[0]!
      window.emit('ready-to-show')
      await settle()
      expect(dueCalls(store)).toBe(1)
      const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
      await handlers.get(`${IPC_PREFIX}measures.list`)!(trusted, {})
      vi.advanceTimersByTime(1_000)
      await settle()
      expect(dueCalls(store)).toBe(1)
      await handlers.get(`${IPC_PREFIX}events.record`)!(trusted, {})
      vi.advanceTimersByTime(1_000)
      await settle()
      expect(dueCalls(store)).toBe(2)
      store.fire()
      vi.advanceTimersByTime(1_000)
      await settle()
      expect(dueCalls(store)).toBe(3)
      fakes.powerMonitor.emit('resume')
      vi.advanceTimersByTime(1_000)
      await settle()
      expect(dueCalls(store)).toBe(4)
      app.emit('will-quit')
      fakes.powerMonitor.emit('resume')
      vi.advanceTimersByTime(60 * 60_000)
      await settle()
      expect(dueCalls(store)).toBe(4)
    })
  })
})
