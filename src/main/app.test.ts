// The main process wired with fake Electron modules: what a real run would do, checked without
// an Electron binary.
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStore, type Store } from '../core/open.ts'
import { METHOD_NAMES } from '../shared/api.ts'
import { IPC_OPEN_EXTERNAL, IPC_PREFIX, IPC_PUSH_CHANNEL } from '../shared/bridge.ts'
import { ok } from '../shared/result.ts'
import { startApp, type ElectronModules, type StartOptions } from './app.ts'

const INDEX = join(tmpdir(), 'mt-app', 'out', 'renderer', 'index.html')
const INDEX_URL = new URL(`file://${INDEX.startsWith('/') ? '' : '/'}${INDEX.replace(/\\/g, '/')}`).href

class FakeContents extends EventEmitter {
  mainFrame = { url: INDEX_URL, parent: null, processId: 3, routingId: 1 }
  send = vi.fn()
  destroyed = false
  isDestroyed() {
    return this.destroyed
  }
}

class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
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
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : '/nowhere')),
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
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    clipboard: { writeText: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => handlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })), setApplicationMenu: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
    },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn(async () => {}) },
  }
  return { electron: electron as unknown as ElectronModules, app, handlers, session, fakes: electron }
}

function fakeStore(): Store & { fire(): void } {
  let watcher: (() => void) | null = null
  return {
    service: { call: vi.fn(() => ok({ fake: true })) } as unknown as Store['service'],
    path: '/tmp/fake.db',
    schemaVersion: 1,
    backupPath: null,
    watchExternalChanges: vi.fn((listener: () => void) => {
      watcher = listener
      return () => (watcher = null)
    }),
    close: vi.fn(),
    fire: () => watcher?.(),
  }
}

describe('startApp', () => {
  let userData: string
  beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'mt-userdata-'))
    FakeBrowserWindow.instances = []
  })
  afterEach(() => rmSync(userData, { recursive: true, force: true }))

  const options = (store: Store | Error, extra: Partial<StartOptions> = {}): StartOptions => ({
    preloadFile: '/app/out/preload/index.cjs',
    indexFile: INDEX,
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
    expect(opts.openStore).toHaveBeenCalledWith({ path: '/tmp/chosen.db', actor: 'app' })
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    const window = FakeBrowserWindow.instances[0]!
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs', devTools: false })
    expect(window.loadFile).toHaveBeenCalledWith(INDEX)
    expect(window.loadURL).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalled()
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
    expect([...handlers.keys()].sort()).toEqual([...METHOD_NAMES.map((m) => IPC_PREFIX + m), IPC_OPEN_EXTERNAL].sort())
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(`${IPC_PREFIX}meta.info`)!(trusted, {})).toEqual({ ok: true, value: { fake: true } })
    const foreign = { sender: window.webContents, senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent
    expect(await handlers.get(`${IPC_PREFIX}measures.delete`)!(foreign, { id: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(store.service.call).toHaveBeenCalledTimes(1)
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
    const built = fakes.Menu.buildFromTemplate.mock.results.at(-1)!.value as { template: { label?: string }[]; popup: ReturnType<typeof vi.fn> }
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
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 5, y: 6, width: 1100, height: 750 }, maximized: false })
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
    expect(FakeBrowserWindow.instances[0]!.loadURL).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances[0]!.loadFile).toHaveBeenCalledWith(INDEX)
  })

  it('says so and quits when the database cannot be opened', async () => {
    const { electron, app, fakes } = fakeElectron(userData)
    expect(await startApp(electron, options(new Error('database is newer than this app')))).toBeNull()
    expect(fakes.dialog.showErrorBox).toHaveBeenCalledWith(expect.stringContaining('database'), expect.stringContaining('newer than this app'))
    expect(app.quit).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('closes the store and removes its handlers on quit', async () => {
    const { electron, app, handlers } = fakeElectron(userData)
    const store = fakeStore()
    await startApp(electron, options(store))
    app.emit('will-quit')
    expect(store.close).toHaveBeenCalled()
    expect(handlers.size).toBe(0)
  })

  it('serves the real store over the IPC handlers (embedded dataset)', async () => {
    const { electron, handlers } = fakeElectron(userData)
    const dbPath = join(userData, 'real.db')
    await startApp(electron, options(fakeStore(), { argv: ['app', `--db=${dbPath}`], openStore }))
    const window = FakeBrowserWindow.instances[0]!
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
    const info = (await handlers.get(`${IPC_PREFIX}meta.info`)!(trusted, {})) as { ok: boolean; value: { measureCount: number; dbPath: string } }
    expect(info.ok).toBe(true)
    expect(info.value.measureCount).toBeGreaterThan(0)
    const invalid = await handlers.get(`${IPC_PREFIX}measures.get`)!(trusted, { id: 42 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    electron.app.emit('will-quit')
  })
})
