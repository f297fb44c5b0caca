// What `npm start` does, decided from what is on disk and in the environment — without ever
// loading the `electron` package (its index.js downloads the binary when it is missing, and
// throws when that fails). Pure functions: scripts/start.ts supplies the probe and acts.
import { join } from 'node:path'

export interface LaunchProbe {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  /** node_modules/electron */
  electronDir: string
  exists(path: string): boolean
  /** File contents, or null when the file is absent. */
  readText(path: string): string | null
  /** True once node_modules/electron/install.js has been run (and failed) in this start. */
  installAttempted: boolean
  /** The error install.js reported, if it ran and failed. */
  installError?: string | undefined
}

export type FallbackReason = 'package-missing' | 'download-failed' | 'override-missing' | 'no-display'

export type LaunchDecision =
  { action: 'electron'; executable: string } | { action: 'install' } | { action: 'web'; reason: FallbackReason; detail: string }

/** Where the executable sits inside an unpacked Electron, as electron's install.js writes it to path.txt. */
export function platformExecutable(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'win32':
      return 'electron.exe'
    default:
      return 'electron'
  }
}

function hasDisplay(platform: NodeJS.Platform, env: LaunchProbe['env']): boolean {
  if (platform === 'darwin' || platform === 'win32') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * - ELECTRON_OVERRIDE_DIST_PATH set: use the Electron there, or fall back (no download: the
 *   person asked for that copy).
 * - ELECTRON_EXEC_PATH set (electron-vite's own variable): use it when it exists.
 * - node_modules/electron/path.txt and the binary under dist/: use it.
 * - Otherwise: try the download once (install), then fall back to the browser host.
 * A binary on a Linux machine with no display cannot open a window: browser host.
 */
export function decideLaunch(probe: LaunchProbe): LaunchDecision {
  const { platform, env, electronDir } = probe
  if (!probe.exists(join(electronDir, 'package.json'))) {
    return { action: 'web', reason: 'package-missing', detail: `${electronDir} is not installed` }
  }
  const pathTxt = probe.readText(join(electronDir, 'path.txt'))?.trim() || null
  const relative = pathTxt ?? platformExecutable(platform)
  const withDisplay = (executable: string): LaunchDecision =>
    hasDisplay(platform, env)
      ? { action: 'electron', executable }
      : { action: 'web', reason: 'no-display', detail: 'neither DISPLAY nor WAYLAND_DISPLAY is set' }

  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const executable = join(override, relative)
    if (probe.exists(executable)) return withDisplay(executable)
    return { action: 'web', reason: 'override-missing', detail: `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no ${executable}` }
  }
  const execPath = env.ELECTRON_EXEC_PATH
  if (execPath && probe.exists(execPath)) return withDisplay(execPath)

  if (pathTxt) {
    const executable = join(electronDir, 'dist', pathTxt)
    if (probe.exists(executable)) return withDisplay(executable)
  }
  if (!probe.installAttempted) return { action: 'install' }
  return {
    action: 'web',
    reason: 'download-failed',
    detail: probe.installError ?? 'the installer gave no reason',
  }
}

/** The first line of install.js's output that says what went wrong (it prints a whole stack). */
export function summarizeInstallError(output: string): string | undefined {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at '))
  const error = lines.find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|timed out|status code/i.test(line))
  const chosen = error ?? lines[0]
  return chosen ? chosen.slice(0, 240) : undefined
}

/**
 * The one paragraph `npm start` prints before serving the app through the browser host: why
 * there is no desktop window, how to get one, and what happens instead.
 */
export function fallbackParagraph(
  decision: Extract<LaunchDecision, { action: 'web' }>,
  electronVersion: string,
  env: Readonly<Record<string, string | undefined>> = {},
): string {
  const source = env.ELECTRON_MIRROR ? `the mirror ${env.ELECTRON_MIRROR} (ELECTRON_MIRROR)` : 'GitHub releases'
  const why: Record<FallbackReason, string> = {
    'package-missing': `Measure Tracker cannot open its desktop window because the electron package is not installed (${decision.detail}); run npm install first.`,
    'download-failed': `Measure Tracker cannot open its desktop window: no Electron binary is installed, and downloading Electron ${electronVersion} from ${source} failed (${decision.detail}), most likely because this machine has no network access to it.`,
    'override-missing': `Measure Tracker cannot open its desktop window: ${decision.detail}.`,
    'no-display': `Measure Tracker cannot open its desktop window because this session has no graphical display (${decision.detail}).`,
  }
  const fix =
    decision.reason === 'no-display'
      ? 'To use the desktop app, run npm start from a desktop session (or under xvfb-run).'
      : `To get the desktop app, allow network access to github.com and run npm start again, or set ELECTRON_MIRROR to a reachable mirror of the Electron releases (for example https://npmmirror.com/mirrors/electron/), or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${electronVersion} for this platform.`
  return `${why[decision.reason]} ${fix} Meanwhile the same app is served through the browser host: open the address printed below in a browser. It ends in ?token=…, which lets that browser in until the host stops; anyone without it is refused, so keep it to yourself.`
}

/**
 * What `npm start` runs instead of Electron: the browser host's entry point, which prints the one
 * line with the address to open (http://127.0.0.1:PORT/?token=…). start.ts passes its own
 * arguments on (--db and the like).
 */
export function webFallbackCommand(
  root: string,
  args: readonly string[],
  nodePath: string = process.execPath,
): { command: string; args: string[] } {
  return { command: nodePath, args: [join(root, 'src', 'web', 'main.ts'), ...args] }
}

/** Wraps a paragraph for a terminal, without blank lines (it stays one paragraph). */
export function wrap(text: string, width = 100): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.join('\n')
}
