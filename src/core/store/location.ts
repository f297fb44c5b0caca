// Where the database lives by default: the folder Electron's app.getPath('userData') gives for
// productName "Measure Tracker", so the app and the command line share one file.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_DIR_NAME = 'Measure Tracker'
export const DB_FILE_NAME = 'measure-tracker.db'
export const DB_ENV_VAR = 'MEASURE_TRACKER_DB'

/** The per-user application-data folder, as Electron's app.getPath('appData') computes it. */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(home, '.config')
}

export function defaultDatabasePath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  return join(appDataDir(platform, env, home), APP_DIR_NAME, DB_FILE_NAME)
}

/** --db wins, then MEASURE_TRACKER_DB, then the OS default. */
export function resolveDatabasePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit
  const fromEnv = env[DB_ENV_VAR]
  if (fromEnv) return fromEnv
  return defaultDatabasePath(process.platform, env)
}

/** The app's own default file: its folder may be created on first run (see database.ts). */
export function isOwnLocation(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return path !== ':memory:' && resolve(path) === resolve(defaultDatabasePath(process.platform, env))
}
