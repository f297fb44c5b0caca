// `npm run deps:production`: the packages an installer would ship — everything package-lock.json
// resolves for `dependencies` (transitively), i.e. what electron-builder copies into the app's
// node_modules. The renderer's libraries are bundled by Vite into out/renderer, so they are
// devDependencies and not counted; only what the main process loads at run time is.
//
// Reads the lockfile rather than node_modules, so the figure is the same on every machine and
// does not depend on which optional or platform packages happened to be installed.
import { readFileSync } from 'node:fs'

interface LockEntry {
  version?: string
  dev?: boolean
  devOptional?: boolean
  optional?: boolean
}

const lockPath = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> }

// npm marks an entry `dev` when only devDependencies reach it and `devOptional` when it is reached
// by devDependencies or only as an optional dependency; neither ships with `--omit=dev`.
const shipped = Object.entries(lock.packages)
  .filter(([path, entry]) => path.includes('node_modules/') && !entry.dev && !entry.devOptional)
  .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version ?? '?'}`)
  .sort()

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ count: shipped.length, packages: shipped }, null, 2))
} else {
  for (const name of shipped) console.log(name)
  console.log(`${shipped.length} production packages`)
}
