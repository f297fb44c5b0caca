import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  decideLaunch,
  fallbackParagraph,
  platformExecutable,
  summarizeInstallError,
  webFallbackCommand,
  wrap,
  type LaunchProbe,
} from '../../scripts/launch.ts'

const ELECTRON = join('/app', 'node_modules', 'electron')

function probe(files: Record<string, string>, extra: Partial<LaunchProbe> = {}): LaunchProbe {
  const all: Record<string, string> = { [join(ELECTRON, 'package.json')]: '{}', ...files }
  return {
    platform: 'linux',
    env: { DISPLAY: ':0' },
    electronDir: ELECTRON,
    exists: (path) => path in all,
    readText: (path) => all[path] ?? null,
    installAttempted: false,
    ...extra,
  }
}

describe('decideLaunch', () => {
  it('runs the installed binary named by path.txt', () => {
    const decision = decideLaunch(probe({ [join(ELECTRON, 'path.txt')]: 'electron', [join(ELECTRON, 'dist', 'electron')]: '' }))
    expect(decision).toEqual({ action: 'electron', executable: join(ELECTRON, 'dist', 'electron') })
  })

  it('tries the download once when there is no binary (no path.txt)', () => {
    expect(decideLaunch(probe({}))).toEqual({ action: 'install' })
  })

  it('tries the download once when path.txt names a binary that is not there', () => {
    expect(decideLaunch(probe({ [join(ELECTRON, 'path.txt')]: 'electron' }))).toEqual({ action: 'install' })
  })

  it('falls back to the browser host when the download failed, saying why', () => {
    const decision = decideLaunch(probe({}, { installAttempted: true, installError: 'getaddrinfo ENOTFOUND github.com' }))
    expect(decision).toEqual({ action: 'web', reason: 'download-failed', detail: 'getaddrinfo ENOTFOUND github.com' })
  })

  it('uses ELECTRON_OVERRIDE_DIST_PATH without downloading', () => {
    const override = join('/opt', 'electron-v45')
    const decision = decideLaunch(
      probe({ [join(override, 'electron')]: '' }, { env: { ELECTRON_OVERRIDE_DIST_PATH: override, DISPLAY: ':1' } }),
    )
    expect(decision).toEqual({ action: 'electron', executable: join(override, 'electron') })
  })

  it('uses the platform executable name inside the override folder', () => {
    const override = join('/opt', 'electron-mac')
    const executable = join(override, 'Electron.app/Contents/MacOS/Electron')
    expect(decideLaunch(probe({ [executable]: '' }, { platform: 'darwin', env: { ELECTRON_OVERRIDE_DIST_PATH: override } }))).toEqual({
      action: 'electron',
      executable,
    })
  })

  it('falls back, without downloading, when the override folder has no Electron', () => {
    const decision = decideLaunch(probe({}, { env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere', DISPLAY: ':0' } }))
    expect(decision).toMatchObject({ action: 'web', reason: 'override-missing' })
  })

  it("honours electron-vite's ELECTRON_EXEC_PATH", () => {
    expect(
      decideLaunch(
        probe({ '/usr/lib/electron45/electron': '' }, { env: { ELECTRON_EXEC_PATH: '/usr/lib/electron45/electron', DISPLAY: ':0' } }),
      ),
    ).toEqual({
      action: 'electron',
      executable: '/usr/lib/electron45/electron',
    })
  })

  it('serves the browser host on a Linux machine without a display, even with a binary', () => {
    const files = { [join(ELECTRON, 'path.txt')]: 'electron', [join(ELECTRON, 'dist', 'electron')]: '' }
    expect(decideLaunch(probe(files, { env: {} }))).toMatchObject({ action: 'web', reason: 'no-display' })
    expect(decideLaunch(probe(files, { env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toMatchObject({ action: 'electron' })
    expect(
      decideLaunch(
        probe(
          { [join(ELECTRON, 'path.txt')]: 'electron.exe', [join(ELECTRON, 'dist', 'electron.exe')]: '' },
          { platform: 'win32', env: {} },
        ),
      ),
    ).toMatchObject({
      action: 'electron',
    })
  })

  it('falls back when the electron package itself is missing', () => {
    expect(decideLaunch({ ...probe({}), exists: () => false })).toMatchObject({ action: 'web', reason: 'package-missing' })
  })
})

describe('platformExecutable', () => {
  it('matches electron/install.js', () => {
    expect(platformExecutable('linux')).toBe('electron')
    expect(platformExecutable('win32')).toBe('electron.exe')
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron')
  })
})

describe('fallbackParagraph', () => {
  it('says why, how to fix it, and what happens instead, in one paragraph', () => {
    const text = fallbackParagraph({ action: 'web', reason: 'download-failed', detail: 'getaddrinfo ENOTFOUND github.com' }, '45.5.0')
    expect(text).toMatch(/no Electron binary/)
    expect(text).toMatch(/GitHub releases/)
    expect(text).toMatch(/ENOTFOUND github\.com/)
    expect(text).toMatch(/network access/)
    expect(text).toMatch(/ELECTRON_MIRROR/)
    expect(text).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/)
    expect(text).toMatch(/45\.5\.0/)
    expect(text).toMatch(/browser host/)
    expect(wrap(text)).not.toMatch(/\n\s*\n/)
    expect(
      wrap(text)
        .split('\n')
        .every((line) => line.length <= 100),
    ).toBe(true)
  })
  it('points at the printed address and says it carries the secret', () => {
    const text = fallbackParagraph({ action: 'web', reason: 'no-display', detail: 'x' }, '45.5.0')
    expect(text).toMatch(/open the address printed below/)
    expect(text).toMatch(/\?token=/)
  })
  it('names the mirror when one was set', () => {
    const text = fallbackParagraph({ action: 'web', reason: 'download-failed', detail: 'HTTPError: 404' }, '45.5.0', {
      ELECTRON_MIRROR: 'https://mirror.example/electron/',
    })
    expect(text).toMatch(/mirror\.example/)
  })
  it('explains a missing display differently', () => {
    const text = fallbackParagraph({ action: 'web', reason: 'no-display', detail: 'neither DISPLAY nor WAYLAND_DISPLAY is set' }, '45.5.0')
    expect(text).toMatch(/no graphical display/)
    expect(text).toMatch(/browser host/)
  })
})

describe('summarizeInstallError', () => {
  it('picks the error line out of a stack trace', () => {
    const output = [
      'RequestError: getaddrinfo ENOTFOUND github.com',
      '    at ClientRequest.<anonymous> (/x/got/index.js:1:1)',
      '    at Object.onceWrapper (node:events:1:1)',
    ].join('\n')
    expect(summarizeInstallError(output)).toBe('RequestError: getaddrinfo ENOTFOUND github.com')
  })
  it('returns undefined for no output', () => {
    expect(summarizeInstallError('\n  \n')).toBeUndefined()
  })
})

describe('webFallbackCommand', () => {
  it('runs the browser host, which prints the address with its secret (http://127.0.0.1:PORT/?token=…)', async () => {
    const root = resolve(import.meta.dirname, '..', '..')
    const dir = await mkdtemp(join(tmpdir(), 'mt-start-'))
    try {
      const web = webFallbackCommand(root, ['--port', '0', '--db', join(dir, 'db.sqlite'), '--renderer', join(dir, 'renderer')])
      const child = spawn(web.command, web.args, { stdio: ['ignore', 'pipe', 'pipe'] })
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
      let stdout = ''
      await new Promise<void>((done, fail) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk
          if (stdout.includes('\n')) done()
        })
        child.on('exit', () => fail(new Error(`exited before printing; stdout: ${stdout}`)))
      })
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(stdout).toMatch(/^Measure Tracker: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}\n$/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
