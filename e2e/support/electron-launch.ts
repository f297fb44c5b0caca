// The real desktop app with its ElectronApplication handle, for the few checks that must reach the
// main process (stubbing the save dialog so printToPDF's file lands where the test can read it).
// The shared `page` fixture (fixtures.ts) launches the app the same way but keeps the handle to
// itself; specs that need it call this instead, and skip where there is no binary.
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { dirname, join } from 'node:path'
import { APP_INDEX_URL } from '../../src/main/app-scheme.ts'
import { electronBinaryPath } from './electron-binary.ts'

export interface LaunchedApp {
  electronApp: ElectronApplication
  window: Page
}

/** Launches out/main/index.js over `dbPath`, as the `page` fixture does (own profile, en-US, New York), on measure-tracker://app/. */
export async function launchElectronApp(dbPath: string): Promise<LaunchedApp> {
  const binary = electronBinaryPath()
  if (binary === null) throw new Error('no Electron binary (skip before calling launchElectronApp)')
  const electronApp = await _electron.launch({
    executablePath: binary,
    args: [`--user-data-dir=${join(dirname(dbPath), 'profile')}`, '--lang=en-US', 'out/main/index.js', `--db=${dbPath}`],
    env: { ...process.env, MEASURE_TRACKER_DB: dbPath, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', TZ: 'America/New_York' },
  })
  const window = await electronApp.firstWindow()
  // The app's page is on its own scheme (src/main/app-scheme.ts), never file://: wait until the
  // window shows it, so a spec starts on the page the app really serves.
  await window.waitForURL((url) => url.href.split('#')[0] === APP_INDEX_URL)
  return { electronApp, window }
}

/**
 * Makes the main process's next save dialogs answer `filePath` without showing anything
 * (dialog.showSaveDialog is what src/main/save-file.ts and print.ts call through their deps,
 * which hold the same `dialog` module object).
 */
export async function answerSaveDialogWith(electronApp: ElectronApplication, filePath: string): Promise<void> {
  await electronApp.evaluate(({ dialog }, path) => {
    const answer = async () => ({ canceled: false, filePath: path })
    Object.assign(dialog, { showSaveDialog: answer })
  }, filePath)
}
