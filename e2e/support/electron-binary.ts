// Whether an Electron binary is present, found WITHOUT importing 'electron' (that import tries to
// download the binary and throws where there is no network, as on our CI machines).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function electronBinaryPath(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | null {
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'node_modules', 'electron', 'dist')
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron'
  const binary = join(distDir, relative)
  return existsSync(binary) ? binary : null
}

export const NO_ELECTRON_REASON =
  'No Electron binary here (node_modules/electron/dist is empty and ELECTRON_OVERRIDE_DIST_PATH is unset): ' +
  'the electron project runs the same flows against the real app where a binary exists.'
