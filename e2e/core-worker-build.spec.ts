// The desktop app's core, as built (issue 17): electron-vite builds the core's worker as main's
// second entry, out/main/core-worker.js, and main starts it by that path. There is no Electron
// binary here, so the built file is started the way main starts it (startCore with that entry)
// under Node, after `npm run build`: it opens a new database, seeds the dataset and answers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect } from '@playwright/test'
import { startCore } from '../src/core/worker/core-client.ts'

const BUILT_WORKER = resolve('out/main/core-worker.js')

test('the built core worker opens a database and answers the service', async () => {
  test.skip(test.info().project.name !== 'web', 'the built file is checked once, under Node; the electron project has no binary here')
  const dir = mkdtempSync(join(tmpdir(), 'mt-built-core-'))
  const core = await startCore({ path: join(dir, 'measures.db'), actor: 'e2e', entry: BUILT_WORKER })
  try {
    expect(core.created).toBe(true)
    const info = await core.service.call('meta.info', {})
    expect(info).toMatchObject({ ok: true, value: { readOnly: false } })
    const list = await core.service.call('measures.list', {})
    expect(list.ok && list.value.length).toBe(info.ok ? info.value.measureCount : -1)
    expect(await core.service.call('measures.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
