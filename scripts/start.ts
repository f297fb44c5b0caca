// `npm start [-- --db=PATH ...]`: build, then open the Electron app — or, where no Electron
// binary can be had, say why in one paragraph and serve the same app through the browser host.
// Never imports 'electron' (that package downloads its binary on require and throws without it).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decideLaunch, fallbackParagraph, summarizeInstallError, webFallbackCommand, wrap, type LaunchProbe } from './launch.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(root, 'node_modules', 'electron')
const args = process.argv.slice(2)
const INSTALL_TIMEOUT_MS = Number(process.env.MEASURE_TRACKER_ELECTRON_INSTALL_TIMEOUT_MS) || 120_000

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function electronVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '45'
  }
}

function build(): void {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('npm start: the build failed (see above).')
    process.exit(result.status ?? 1)
  }
}

/** Runs electron's own installer once; returns its error when it fails. */
function tryInstall(): string | undefined {
  console.log(`Measure Tracker: no Electron binary yet; trying to download Electron ${electronVersion()} once…`)
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (result.status === 0) return undefined
  if (result.error)
    return (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
      ? `no answer within ${INSTALL_TIMEOUT_MS / 1000} s`
      : result.error.message
  return summarizeInstallError(`${result.stderr ?? ''}\n${result.stdout ?? ''}`) ?? `install.js exited with status ${result.status}`
}

function run(command: string, commandArgs: string[]): void {
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal)
    })
  }
  child.on('error', (error) => {
    console.error(`npm start: could not run ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

build()

const probe = (installAttempted: boolean, installError?: string): LaunchProbe => ({
  platform: process.platform,
  env: process.env,
  electronDir,
  exists: existsSync,
  readText,
  installAttempted,
  installError,
})

let decision = decideLaunch(probe(false))
if (decision.action === 'install') decision = decideLaunch(probe(true, tryInstall()))

if (decision.action === 'electron') {
  run(decision.executable, ['.', ...args])
} else if (decision.action === 'web') {
  console.log(`\n${wrap(fallbackParagraph(decision, electronVersion(), process.env))}\n`)
  const web = webFallbackCommand(root, args)
  const webHost = web.args[0]!
  if (!existsSync(webHost)) {
    console.error(`npm start: the browser host (${webHost}) is missing, so there is nothing to serve the app with.`)
    process.exit(1)
  }
  // It prints the address with this run's secret (…/?token=…): the only way into the host.
  run(web.command, web.args)
}
