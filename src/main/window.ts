// The main window and its web preferences: the Electron security checklist in one literal.
// The constructor is passed in, so a test checks the exact options without an Electron binary
// (and Electronegativity reads the literal where `new BrowserWindow({...})` is called).
import type { BrowserWindowConstructorOptions } from 'electron'
import { MIN_SIZE, type InitialBounds } from './window-state.ts'

export interface MainWindowInput {
  /** Absolute path of the built CommonJS preload (out/preload/index.cjs). */
  preloadPath: string
  bounds: InitialBounds
  title: string
  /** Painted before the page loads, so a dark system theme does not flash white. */
  backgroundColor: string
  /** Developer tools: in development builds only. */
  devTools: boolean
  icon?: string
}

export type BrowserWindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

export function createMainWindow<W>(BrowserWindow: BrowserWindowConstructor<W>, input: MainWindowInput): W {
  const { x, y, width, height } = input.bounds
  return new BrowserWindow({
    ...(x !== undefined && y !== undefined ? { x, y } : { center: true }),
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: input.title,
    backgroundColor: input.backgroundColor,
    ...(input.icon ? { icon: input.icon } : {}),
    // Shown on 'ready-to-show', once the first paint is ready.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      // The page never sees Node or Electron: isolated world, sandboxed renderer, no Node.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise open links in new windows behind our back.
      disableBlinkFeatures: 'Auxclick',
      // A dropped file or link must not replace the app's page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: input.devTools,
    },
  })
}
