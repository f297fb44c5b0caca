// Electron main process entry: hands Electron's modules to startApp (src/main/app.ts), where the
// wiring lives and is tested. Built by electron-vite to out/main/index.js (ES module).
import { readFile, realpath, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
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
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'
// electron-updater is CommonJS: its `autoUpdater` is a getter that creates the platform's updater,
// read only when the user allows a check (src/main/updater.ts).
import electronUpdater from 'electron-updater'
import { startCore } from '../core/worker/core-client.ts'
import { startApp } from './app.ts'

const beside = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

startApp(
  {
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
    safeStorage,
    screen,
    session,
    shell,
  },
  {
    preloadFile: beside('../preload/index.cjs'),
    rendererDir: beside('../renderer'),
    fs: { readFile, realpath, stat },
    argv: process.argv,
    env: process.env,
    platform: process.platform,
    // The core's worker and the team database's driver thread are built beside this file
    // (electron.vite.config.ts: main's second and third entries).
    openStore: (options) => startCore({ ...options, entry: beside('./core-worker.js'), teamDriverEntry: beside('./postgres-driver.js') }),
    updater: { engine: () => electronUpdater.autoUpdater, resourcesPath: process.resourcesPath },
  },
).catch((error: unknown) => {
  console.error('Measure Tracker failed to start:', error)
  app.exit(1)
})
