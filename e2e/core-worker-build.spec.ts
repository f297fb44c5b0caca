// The desktop app's core, as built (issue 17): electron-vite builds the core's worker as main's
// second entry, out/main/core-worker.js, and main starts it by that path. There is no Electron
// binary here, so the built file is started the way main starts it (startCore with that entry)
// under Node, after `npm run build`: it opens a new database, seeds the dataset and answers; and
// with out/main/postgres-driver.js (main's third entry), a team database on a real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect } from '@playwright/test'
import { startCore } from '../src/core/worker/core-client.ts'
import { postgresSkipReason } from '../test/helpers/postgres-database.ts'
import { startPostgres } from '../test/helpers/postgres-server.ts'

const BUILT_WORKER = resolve('out/main/core-worker.js')
const BUILT_DRIVER = resolve('out/main/postgres-driver.js')

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

test('the built core worker opens a team database through the built PostgreSQL driver thread', async () => {
  test.skip(test.info().project.name !== 'web', 'the built files are checked once, under Node; the electron project has no binary here')
  const skipReason = postgresSkipReason()
  test.skip(skipReason !== null, skipReason ?? '')
  const server = await startPostgres()
  const core = await startCore({ path: server.url, actor: 'e2e', entry: BUILT_WORKER, teamDriverEntry: BUILT_DRIVER })
  try {
    expect(core.path).not.toContain(server.password)
    const info = await core.service.call('meta.info', {})
    expect(info).toMatchObject({ ok: true, value: { readOnly: false, dbPath: core.path } })
    const list = await core.service.call('measures.list', {})
    expect(list.ok && list.value.length).toBe(info.ok ? info.value.measureCount : -1)
    expect(info.ok && info.value.measureCount).toBeGreaterThan(0)
  } finally {
    await core.close()
    await server.stop()
  }
})
