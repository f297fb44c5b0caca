// The command line on a team database (--db postgres://…), against the real server: what it reads
// and writes is what the file store gives, and the password is never shown.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../test/helpers/run-cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'
import { postgresSkipReason, usePostgres } from '../../test/helpers/postgres-database.ts'

const skipReason = postgresSkipReason()
const AT = '2026-12-01T00:00:00Z'
/** An export file but the instant it was written. */
const exported = (path: string) => readFileSync(path, 'utf8').replace(/"exportedAt": "[^"]+"/, '"exportedAt": …')

describe.skipIf(skipReason !== null)(`the command line on a team database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('exports what the file store exports after importing the same file, and imports it back exactly', async () => {
    const { url, display } = pg.database()
    const dir = tempDir()
    const seeded = join(dir, 'seeded.json')
    // A new team database is seeded with the embedded dataset, as a new file is.
    const first = await cli('export', '--db', url, '--out', seeded, '--at', AT)
    expect(first.code).toBe(0)
    expect(first.err).toContain(`created a new database at ${display}`)
    expect(first.err + first.out).not.toContain(new URL(url).password)

    const file = join(dir, 'copy.db')
    expect((await cli('import', seeded, '--db', file)).code).toBe(0)
    const fromFile = join(dir, 'from-file.json')
    expect((await cli('export', '--db', file, '--out', fromFile, '--at', AT)).code).toBe(0)
    expect(exported(fromFile)).toBe(exported(seeded))

    expect((await cli('import', seeded, '--db', url, '--replace')).out).toMatch(/0 created, \d+ replaced/)
    const again = join(dir, 'again.json')
    expect((await cli('export', '--db', url, '--out', again, '--at', AT)).code).toBe(0)
    expect(exported(again)).toBe(exported(seeded))
  })

  it('refuses the file-only commands clearly, without the password', async () => {
    const { url, display } = pg.database()
    const refused = await cli('backup', '--db', url)
    expect(refused.code).not.toBe(0)
    expect(refused.err).toContain(`${display} is a team database`)
    expect(refused.err).not.toContain(new URL(url).password)
  })
})
