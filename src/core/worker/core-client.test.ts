// The core in its worker thread (issue 17), driven as the browser host and the desktop app drive
// it: the same answers as the core in this thread, a host thread left free during a long import,
// a crash reported and recovered from with the import whole or absent, and refusals that say why.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'
import { openStore } from '../open.ts'
import { startCore, type CoreClient } from './core-client.ts'

const IMPORTED = 20_000
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function started(options: { seed?: boolean } = {}): Promise<{ core: CoreClient; path: string; logged: string[] }> {
  const dir = tempDir('mt-core-worker-')
  const path = join(dir, 'measures.db')
  const logged: string[] = []
  const core = await startCore({ path, actor: 'test', seed: options.seed ?? true, log: (message) => logged.push(message) })
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => core.close())
  return { core, path, logged }
}

/** The measures the file holds, read by a connection of this thread. */
async function measureCount(path: string): Promise<number> {
  const store = await openStore({ path, actor: 'reader', seed: false })
  try {
    const info = store.core.call('meta.info', {})
    if (!info.ok) throw new Error(info.error.message)
    return info.value.measureCount
  } finally {
    store.close()
  }
}

describe('the core in its worker', () => {
  it('answers every call as the core in this thread does, in the order the calls were made', async () => {
    const { core, path } = await started()
    const [list, detail, missing, invalid] = await Promise.all([
      core.service.call('measures.list', {}),
      core.service.call('measures.get', { id: 'us-bis-affiliates-rule' }),
      core.service.call('measures.get', { id: 'no-such-measure' }),
      core.service.call('measures.get', { id: 42 }),
    ])
    const here = await openStore({ path, actor: 'reader', seed: false })
    try {
      expect(list).toEqual(here.core.call('measures.list', {}))
      expect(detail).toEqual(here.core.call('measures.get', { id: 'us-bis-affiliates-rule' }))
    } finally {
      here.close()
    }
    expect(detail).toMatchObject({ ok: true, value: { id: 'us-bis-affiliates-rule' } })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(core).toMatchObject({ path, readOnly: false, readOnlyReason: null, created: true })
  })

  it('leaves the host’s thread free while it imports: a timer of the host runs before the import is answered', async () => {
    const { core, path } = await started({ seed: false })
    const file = generateExchangeFile(3_000)
    const events: string[] = []
    const importing = core.service.call('exchange.import', { file }).then((result) => {
      events.push('imported')
      return result
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    events.push('host timer')
    expect((await importing).ok).toBe(true)
    expect(events).toEqual(['host timer', 'imported'])
    expect(await measureCount(path)).toBe(3_000)
  })

  // Cut at three moments of a 20,000-measure import (checking, staging, copying under the lock, by
  // the load of the machine): whichever it was, the file holds all of it or none.
  it.each([300, 1_500, 4_000])(
    'reports a crash %i ms into an import, starts again, and the file holds all or none of it',
    async (afterMs) => {
      const { core, path, logged } = await started()
      const before = await measureCount(path)
      const restarts: string[] = []
      core.onRestart((reason) => restarts.push(reason))
      const importing = core.service.call('exchange.import', { file: generateExchangeFile(IMPORTED) })
      await new Promise((resolve) => setTimeout(resolve, afterMs))
      await core.stopAbruptly()
      const answer = await importing
      if (!answer.ok) expect(answer.error).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('may not have been made') })
      await expect.poll(() => restarts.length, { timeout: 20_000 }).toBe(1)
      expect(logged.join('\n')).toContain('stopped unexpectedly')
      // All or none: SQLite rolled a cut-off transaction back; an answered import had committed.
      const after = await measureCount(path)
      expect(answer.ok ? [before + IMPORTED] : [before, before + IMPORTED]).toContain(after)
      // The restarted core answers, and a change made now is kept.
      const created = await core.service.call('measures.create', {
        facts: { title: { en: 'After the restart' }, imposer: 'US', target: 'CN', category: 'tariff' },
      })
      expect(created.ok).toBe(true)
      expect(await measureCount(path)).toBe(after + 1)
    },
    60_000,
  )

  it('answers calls made while it restarts once it is back', async () => {
    const { core } = await started()
    await core.stopAbruptly()
    const answer = await core.service.call('meta.info', {})
    expect(answer.ok).toBe(true)
  })

  it('answers a call made while it restarts, when it is closed before it is back', async () => {
    const { core } = await started()
    await core.stopAbruptly()
    const waiting = core.service.call('meta.info', {})
    await core.close()
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
  })

  it('tells the host of a commit by another process', async () => {
    const { core, path } = await started()
    let noticed = 0
    core.watchExternalChanges(() => noticed++, 50)
    const other = await openStore({ path, actor: 'other', seed: false })
    try {
      expect(other.core.call('notes.add', { measureId: 'us-bis-affiliates-rule', body: 'from another process' }).ok).toBe(true)
    } finally {
      other.close()
    }
    await expect.poll(() => noticed, { timeout: 5_000 }).toBeGreaterThan(0)
  })

  it('refuses what it cannot open with the store’s own reason, and starts no thread that stays', async () => {
    const dir = tempDir('mt-core-worker-')
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const folder = join(dir, 'a-folder.db')
    mkdirSync(folder)
    await expect(startCore({ path: folder, actor: 'test', log: () => undefined })).rejects.toThrow(/folder/i)
    const picture = join(dir, 'picture.db')
    writeFileSync(picture, Buffer.from('\x89PNG\r\n\x1a\n not a database'))
    await expect(startCore({ path: picture, actor: 'test', log: () => undefined })).rejects.toThrow(
      /not a Measure Tracker database|not a database/i,
    )
  })

  it('refuses input that cannot be sent to it, and answers nothing after it was closed', async () => {
    const { core } = await started()
    expect(await core.service.call('measures.list', { filter: () => 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await core.close()
    expect(await core.service.call('meta.info', {})).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
  })
})
