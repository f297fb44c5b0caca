// A change made from the command line reaches the subscribed calendar file (issue 13), whether or
// not the app or the browser host is running; a command that changes nothing leaves it alone.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../core/open.ts'
import { cli, databaseWith, fixtureMeasure } from '../../test/helpers/run-cli.ts'

async function keepCalendarAt(db: string, path: string): Promise<void> {
  const store = await openStore({ path: db, actor: 'test', seed: false })
  try {
    expect(store.core.call('calendar.setSubscriptionFile', { path }).ok).toBe(true)
  } finally {
    store.close()
  }
}

describe('the kept calendar file and the command line', () => {
  it('is rewritten after a command that changed something, and only then', async () => {
    const { dir, db } = await databaseWith([fixtureMeasure('tariff', { en: 'Tariff' })])
    const path = join(dir, 'deadlines.ics')
    await keepCalendarAt(db, path)
    expect((await cli('--db', db, 'status')).code).toBe(0)
    expect(existsSync(path)).toBe(false)

    const run = await cli('--db', db, 'note', 'add', 'tariff', 'Checked')
    expect(run.code).toBe(0)
    expect(readFileSync(path, 'utf8')).toContain('UID:tariff+effective+effective@measure-tracker')

    rmSync(path)
    expect((await cli('--db', db, 'export', '--format', 'ics', '--out', join(dir, 'once.ics'))).code).toBe(0)
    expect(existsSync(path)).toBe(false)
  })

  it('says when the file cannot be written, and the change itself stands', async () => {
    const { dir, db } = await databaseWith([fixtureMeasure('tariff', { en: 'Tariff' })])
    const path = join(dir, 'gone', 'deadlines.ics')
    await keepCalendarAt(db, path)
    const run = await cli('--db', db, 'note', 'add', 'tariff', 'Checked')
    expect(run.code).toBe(0)
    expect(run.err).toContain(`The calendar file ${path} could not be written`)
    expect(JSON.parse((await cli('--db', db, 'note', 'list', 'tariff', '--json')).out)).toHaveLength(1)
  })
})
