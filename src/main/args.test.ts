import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_DIR_NAME } from '../core/store/location.ts'
import { dbArgument } from './args.ts'

describe('dbArgument', () => {
  it.each([
    [['/opt/Measure Tracker/measure-tracker'], undefined],
    [['electron', '.', '--db=/tmp/a.db'], '/tmp/a.db'],
    [['electron', '.', '--db', '/tmp/b.db'], '/tmp/b.db'],
    [['app', '--db=/tmp/a.db', '--db=/tmp/c.db'], '/tmp/c.db'],
    [['app', '--db'], undefined],
    [['app', '--db', '--other'], undefined],
    [['app', '--db='], undefined],
    [['app', '--dbx=/tmp/a.db'], undefined],
    [['app', '--db=/path with spaces/x.db'], '/path with spaces/x.db'],
  ])('%j → %s', (argv, expected) => {
    expect(dbArgument(argv)).toBe(expected)
  })
})

describe('the app name that decides userData', () => {
  it('is "Measure Tracker" in package.json and electron-builder.yml, as core/store/location.ts assumes', () => {
    const root = join(import.meta.dirname, '..', '..')
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).productName).toBe(APP_DIR_NAME)
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    expect(builder).toMatch(new RegExp(`^productName: ${APP_DIR_NAME}$`, 'm'))
    expect(builder).toMatch(/^appId: org\.measuretracker\.app$/m)
  })
})
