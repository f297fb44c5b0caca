import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createMainWindow, type MainWindowInput } from './window.ts'

class FakeBrowserWindow {
  static last: BrowserWindowConstructorOptions | null = null
  readonly options: BrowserWindowConstructorOptions
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options
    FakeBrowserWindow.last = options
  }
}

const input: MainWindowInput = {
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { x: 40, y: 30, width: 1200, height: 800, maximized: false },
  title: 'Measure Tracker',
  backgroundColor: '#ffffff',
  devTools: false,
}

describe('createMainWindow', () => {
  it('applies the whole security checklist in webPreferences', () => {
    const window = createMainWindow(FakeBrowserWindow, input)
    expect(window).toBeInstanceOf(FakeBrowserWindow)
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: false,
    })
  })

  it('uses the CommonJS preload (an ES module preload cannot run sandboxed)', () => {
    expect(createMainWindow(FakeBrowserWindow, input).options.webPreferences?.preload).toMatch(/\.cjs$/)
  })

  it('opens hidden at the restored bounds, with a minimum size', () => {
    const { options } = createMainWindow(FakeBrowserWindow, input)
    expect(options).toMatchObject({
      x: 40,
      y: 30,
      width: 1200,
      height: 800,
      show: false,
      title: 'Measure Tracker',
      backgroundColor: '#ffffff',
    })
    expect(options.minWidth).toBeGreaterThan(0)
    expect(options.minHeight).toBeGreaterThan(0)
    expect(options.center).toBeUndefined()
  })

  it('centres the window when no position was restored', () => {
    const { options } = createMainWindow(FakeBrowserWindow, { ...input, bounds: { width: 1000, height: 700, maximized: false } })
    expect(options.center).toBe(true)
    expect(options.x).toBeUndefined()
    expect(options.y).toBeUndefined()
  })

  it('enables developer tools only when asked (development builds)', () => {
    expect(createMainWindow(FakeBrowserWindow, { ...input, devTools: true }).options.webPreferences?.devTools).toBe(true)
  })
})
