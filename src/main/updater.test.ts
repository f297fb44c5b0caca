// The updater around electron-updater, with a fake of its AppUpdater, a fake file and a fake clock:
// nothing is asked until the user allows it, a check only asks, downloading and installing wait
// for the user's word, and automatic checks keep to the policy's times.
import { describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../shared/updates.ts'
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, RETRY_AFTER_FAILURE_MS, type ReleaseInfo } from './update-policy.ts'
import { createUpdater, type UpdaterEngine, type UpdaterOptions } from './updater.ts'

const START = Date.parse('2026-12-04T09:00:00Z')
const RELEASE: ReleaseInfo = {
  version: '0.2.0',
  releaseName: 'Measure Tracker 0.2.0',
  releaseDate: '2026-12-03T12:00:00Z',
  releaseNotes: '<h2>What&#39;s Changed</h2><ul><li>Faster board</li></ul>',
}

function fakeEngine(answers: (() => Promise<{ updateInfo: ReleaseInfo } | null>)[] = []) {
  const progress: ((p: { percent: number }) => void)[] = []
  const engine = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: false,
    allowDowngrade: true,
    checkForUpdates: vi.fn(() => (answers.shift() ?? (async () => ({ updateInfo: RELEASE })))()),
    downloadUpdate: vi.fn(async () => ['/tmp/update']),
    quitAndInstall: vi.fn(),
    on: vi.fn((event: 'download-progress', listener: (p: { percent: number }) => void) => {
      if (event === 'download-progress') progress.push(listener)
    }),
    progress: (percent: number) => progress.forEach((listener) => listener({ percent })),
  }
  return engine
}

function setup(options: Partial<Omit<UpdaterOptions, 'engine'>> & { stored?: string | null; engine?: ReturnType<typeof fakeEngine> } = {}) {
  const { stored = null, engine: given, ...rest } = options
  let now = START
  let file: string | null = stored
  const timers: { at: number; run: () => void; id: number }[] = []
  let nextId = 1
  const engine = given ?? fakeEngine()
  const created = vi.fn((): UpdaterEngine => engine)
  const changes: UpdateStatus[] = []
  const found: string[] = []
  const updater = createUpdater({
    currentVersion: '0.1.0',
    unsupported: null,
    engine: created,
    file: { read: () => file, write: (text) => void (file = text) },
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run, id: nextId++ }
      timers.push(timer)
      return timer.id
    },
    clearTimeout: (id) => {
      const index = timers.findIndex((timer) => timer.id === id)
      if (index >= 0) timers.splice(index, 1)
    },
    onChange: (status) => changes.push(status),
    onFoundAutomatically: (release) => found.push(release.version),
    ...rest,
  })
  /** Moves the clock on, firing the timers that fall due. */
  async function advance(ms: number): Promise<void> {
    const until = now + ms
    for (;;) {
      timers.sort((a, b) => a.at - b.at)
      const next = timers[0]
      if (!next || next.at > until) break
      timers.shift()
      now = next.at
      next.run()
      await vi.waitFor(() => expect(updater.status().state.phase).not.toBe('checking'))
    }
    now = until
  }
  return { updater, engine, created, changes, found, timers, advance, file: () => file, setNow: (ms: number) => void (now = ms) }
}

describe('the updater, before the user allows anything', () => {
  it('starts off: no electron-updater, no check, no timer, version and preferences shown', async () => {
    const { updater, created, timers, advance } = setup()
    updater.start()
    await advance(7 * CHECK_INTERVAL_MS)
    expect(created).not.toHaveBeenCalled()
    expect(timers).toEqual([])
    expect(updater.status()).toEqual({
      currentVersion: '0.1.0',
      unsupported: null,
      preferences: { checkAutomatically: false },
      lastCheckedAt: null,
      state: { phase: 'idle' },
    })
  })

  it('a copy that cannot update itself refuses every request and never creates electron-updater', async () => {
    const { updater, created } = setup({ unsupported: 'not-packaged' })
    updater.configure({ checkAutomatically: true })
    updater.start()
    expect(await updater.check()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await updater.download()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(updater.install()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(created).not.toHaveBeenCalled()
    expect(updater.status().unsupported).toBe('not-packaged')
  })
})

describe('Check now', () => {
  it('asks only: electron-updater never downloads or installs by itself', async () => {
    const { updater, engine } = setup()
    await updater.check()
    expect(engine).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false })
    expect(engine.downloadUpdate).not.toHaveBeenCalled()
    expect(engine.quitAndInstall).not.toHaveBeenCalled()
  })

  it('shows a newer release with what is new, records the check and tells the page at each step', async () => {
    const { updater, changes, file, found } = setup()
    const result = await updater.check()
    const expected = {
      phase: 'available',
      release: {
        version: '0.2.0',
        name: 'Measure Tracker 0.2.0',
        releasedAt: '2026-12-03T12:00:00.000Z',
        notes: "What's Changed\n\n• Faster board",
      },
    }
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ state: expected, lastCheckedAt: '2026-12-04T09:00:00.000Z' }) })
    expect(changes.map((status) => status.state.phase)).toEqual(['checking', 'available'])
    expect(JSON.parse(file()!)).toMatchObject({ lastCheckedAt: START, lastAttemptFailed: false })
    // Asked for by the user: no notification on top.
    expect(found).toEqual([])
  })

  it('says up to date when the newest release is this one (or older, or a pre-release)', async () => {
    for (const version of ['0.1.0', '0.0.9', '0.2.0-beta.1']) {
      const { updater } = setup({ engine: fakeEngine([async () => ({ updateInfo: { version } })]) })
      await updater.check()
      expect(updater.status().state, version).toEqual({ phase: 'up-to-date' })
    }
  })

  it('reports a failed check (offline) and keeps it from counting as checked', async () => {
    const { updater, file } = setup({
      engine: fakeEngine([
        async () => {
          throw new Error('net::ERR_INTERNET_DISCONNECTED')
        },
      ]),
    })
    await updater.check()
    expect(updater.status()).toMatchObject({
      lastCheckedAt: null,
      state: { phase: 'failed', during: 'check', message: 'net::ERR_INTERNET_DISCONNECTED', release: null },
    })
    expect(JSON.parse(file()!)).toMatchObject({ lastAttemptAt: START, lastAttemptFailed: true, lastCheckedAt: null })
  })

  it('runs one check at a time: a second press while one is under way asks nothing more', async () => {
    let answer: (value: { updateInfo: ReleaseInfo }) => void = () => {}
    const { updater, engine } = setup({ engine: fakeEngine([() => new Promise((resolve) => (answer = resolve))]) })
    const first = updater.check()
    const second = await updater.check()
    expect(second).toMatchObject({ ok: true, value: { state: { phase: 'checking' } } })
    answer({ updateInfo: RELEASE })
    await first
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
  })
})

describe('download and install, on the user’s word', () => {
  it('downloads the release on offer with progress, then installs only when asked', async () => {
    const { updater, engine, changes } = setup()
    expect(await updater.download()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(updater.install()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await updater.check()
    let finish: () => void = () => {}
    engine.downloadUpdate.mockImplementationOnce(() => new Promise<string[]>((resolve) => (finish = () => resolve([]))))
    const downloading = updater.download()
    engine.progress(41.7)
    engine.progress(41.9)
    engine.progress(100)
    finish()
    await downloading
    expect(changes.map((status) => status.state.phase + ('percent' in status.state ? ` ${status.state.percent}` : ''))).toEqual([
      'checking',
      'available',
      'downloading 0',
      'downloading 41',
      'downloading 100',
      'downloaded',
    ])
    expect(engine.quitAndInstall).not.toHaveBeenCalled()
    expect(updater.install()).toEqual({ ok: true, value: null })
    expect(engine.quitAndInstall).toHaveBeenCalledWith(false, true)
  })

  it('keeps the release on offer after a failed download, so it can be tried again', async () => {
    const { updater, engine } = setup()
    await updater.check()
    engine.downloadUpdate.mockRejectedValueOnce(new Error('sha512 checksum mismatch'))
    await updater.download()
    expect(updater.status().state).toMatchObject({
      phase: 'failed',
      during: 'download',
      message: 'sha512 checksum mismatch',
      release: { version: '0.2.0' },
    })
    await updater.download()
    expect(updater.status().state).toMatchObject({ phase: 'downloaded', release: { version: '0.2.0' } })
  })
})

describe('automatic checks', () => {
  // Input that is not the preferences never reaches configure(): the shell's dispatcher refuses it
  // against the table's schema (src/main/ipc.test.ts, "updates.configure refuses …").
  it('are saved as the user chose', () => {
    const { updater, file } = setup()
    expect(file()).toBeNull()
    expect(updater.configure({ checkAutomatically: true })).toMatchObject({
      ok: true,
      value: { preferences: { checkAutomatically: true } },
    })
    expect(JSON.parse(file()!)).toMatchObject({ preferences: { checkAutomatically: true } })
  })

  it('check a minute after start, then daily; an automatic find is announced once', async () => {
    const { updater, engine, advance, found } = setup({ stored: JSON.stringify({ preferences: { checkAutomatically: true } }) })
    updater.start()
    await advance(FIRST_CHECK_DELAY_MS - 1)
    expect(engine.checkForUpdates).not.toHaveBeenCalled()
    await advance(1)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
    expect(found).toEqual(['0.2.0'])
    await advance(CHECK_INTERVAL_MS - 1)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(2)
    // The same release found again: no second notification.
    expect(found).toEqual(['0.2.0'])
  })

  it('after a failure, try again in an hour', async () => {
    const engine = fakeEngine([
      async () => {
        throw new Error('offline')
      },
    ])
    const { updater, advance } = setup({ engine, stored: JSON.stringify({ preferences: { checkAutomatically: true } }) })
    updater.start()
    await advance(FIRST_CHECK_DELAY_MS)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
    await advance(RETRY_AFTER_FAILURE_MS - 1)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(2)
    expect(updater.status().state.phase).toBe('available')
  })

  it('stop when turned off, and after stop()', async () => {
    const { updater, engine, advance, timers } = setup({ stored: JSON.stringify({ preferences: { checkAutomatically: true } }) })
    updater.start()
    expect(timers).toHaveLength(1)
    updater.configure({ checkAutomatically: false })
    expect(timers).toEqual([])
    updater.configure({ checkAutomatically: true })
    updater.stop()
    await advance(3 * CHECK_INTERVAL_MS)
    expect(engine.checkForUpdates).not.toHaveBeenCalled()
  })

  it('a damaged settings file means off', async () => {
    const { updater, engine, advance } = setup({ stored: '{"preferences":' })
    updater.start()
    await advance(3 * CHECK_INTERVAL_MS)
    expect(engine.checkForUpdates).not.toHaveBeenCalled()
    expect(updater.status().preferences).toEqual({ checkAutomatically: false })
  })
})

describe('pre-releases', () => {
  it('an installed pre-release lets electron-updater look at pre-releases and is offered the next one', async () => {
    const { updater, engine } = setup({
      currentVersion: '0.2.0-beta.1',
      engine: fakeEngine([async () => ({ updateInfo: { version: '0.2.0-beta.2' } })]),
    })
    await updater.check()
    expect(engine.allowPrerelease).toBe(true)
    expect(updater.status().state).toMatchObject({ phase: 'available', release: { version: '0.2.0-beta.2' } })
  })
})
