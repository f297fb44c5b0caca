// Released migrations are frozen: each is a file under migrations/ whose text is pinned here by
// its SHA-256, and migrations 1-4 must still build, byte for byte, the schema the code at 1463dc7
// built (test/fixtures/schema-v4.json, taken from that code's sqlite_master once).
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openDatabase } from './database.ts'
import { MIGRATIONS } from './migrations.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

/** version → its file and the SHA-256 of its SQL as released. Add a line when a migration is released; never change one. */
const RELEASED: readonly { version: number; file: string; sha256: string }[] = [
  { version: 1, file: '0001-measures-and-their-life.ts', sha256: '22925acef6cce21573956d4ded97292d8a290eb7e98fb1a2e4df11adb46c7b7b' },
  {
    version: 2,
    file: '0002-note-history-and-reminders-shown.ts',
    sha256: 'efbbb1d4f08083dde207d41a46269925a1d24c5141ca1b6e1c906cdc87b649a4',
  },
  { version: 3, file: '0003-timeline-column.ts', sha256: '190b4c1c5d697fd206d0dbec0172de8476cdbda3ec09390c325b293eac164ace' },
  { version: 4, file: '0004-rates-and-commitments.ts', sha256: '99940680908cd2fd2943f92f73170d073b187ccee2d5f13e499eede6354d096a' },
  { version: 5, file: '0005-calendar-cancellations.ts', sha256: '51e9b7cc212731795a09ff8457b5b519e1644691c8d978438d44363b31ca6cff' },
  { version: 6, file: '0006-chinese-texts.ts', sha256: '5e6a425d2a0148ea28649233f4588df26d34951b1215a5004f4b14a5f982022b' },
  { version: 7, file: '0007-measure-summaries.ts', sha256: '83407c3ee0a41640f9f3b26778a3224527ed8ab98384485ed8c7df4d5476a7b4' },
  { version: 8, file: '0008-watched-sources.ts', sha256: 'e35795034a8812d6bccbcc4e7f3a58cc687d63c58d83518a32ade053f27dae92' },
  { version: 9, file: '0009-dataset-updates.ts', sha256: 'e8d803ac2e0edc895c945b737eafa9cdd2325f20c2e16001c1166b4d7074c8db' },
  { version: 10, file: '0010-live-measure-parties.ts', sha256: '17801ba7f964a15d45016536bb8cba7b3f1ee455d27a95dbb4899c9d80a2ebaa' },
  { version: 11, file: '0011-reminders-shown-per-person.ts', sha256: 'f23acb9f28370ecbb660f912b0f8e3f1f7089921168c11578af60a6597b91d40' },
]

const FOLDER = join(import.meta.dirname, 'migrations')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

interface SchemaRow {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}
const schemaOf = (db: DatabaseSync) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as unknown as SchemaRow[]
const SCHEMA_V4 = JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/fixtures/schema-v4.json'), 'utf8')) as SchemaRow[]

describe('released migrations', () => {
  it.each(RELEASED)('migration $version ($file) still has the SQL it was released with', ({ version, sha256: pinned }) => {
    const sql = MIGRATIONS[version - 1]
    expect(sql, `migration ${version} is missing`).toBeTypeOf('string')
    expect(sha256(sql as string), `migration ${version} changed: released migrations are frozen; add a new migration instead`).toBe(pinned)
  })

  it('every migration is a file under migrations/, numbered in order, exporting exactly the SQL that runs', async () => {
    const files = readdirSync(FOLDER).sort()
    expect(files.length, 'one file per migration in MIGRATIONS').toBe(MIGRATIONS.length)
    for (const [index, file] of files.entries()) {
      const version = index + 1
      expect(file, 'files are named NNNN-what-it-does.ts, numbered from 0001 without gaps').toMatch(
        new RegExp(`^${String(version).padStart(4, '0')}-[a-z0-9-]+\\.ts$`),
      )
      const module = (await import(join(FOLDER, file))) as Record<string, unknown>
      expect({ ...module }, `${file} exports MIGRATION_${version} and nothing else`).toEqual({
        [`MIGRATION_${version}`]: MIGRATIONS[index],
      })
    }
  })

  it('each migration has a pinned checksum once it exists', () => {
    expect(
      RELEASED.map((r) => [r.version, r.file]),
      'a migration without a pinned checksum: pin its SHA-256 in RELEASED when you add it',
    ).toEqual(
      readdirSync(FOLDER)
        .sort()
        .map((file, index) => [index + 1, file]),
    )
  })

  it('no migration file reads runtime code: no imports, no interpolation', () => {
    for (const file of readdirSync(FOLDER)) {
      const source = readFileSync(join(FOLDER, file), 'utf8')
      expect(source, `${file} imports code`).not.toMatch(/^\s*import\b|\bimport\(|\brequire\(/m)
      expect(source, `${file} interpolates a value into its SQL`).not.toContain('${')
    }
  })
})

describe('the schema migrations 1-4 build', () => {
  it('is the schema the code at 1463dc7 built for a new store, byte for byte', async () => {
    const { db } = await openDatabase(':memory:', MIGRATIONS.slice(0, 4))
    try {
      expect(schemaOf(db)).toEqual(SCHEMA_V4)
    } finally {
      db.close()
    }
  })

  it('is the same when a version-2 file is upgraded step by step', async () => {
    const path = join(tempDir(), 'v2.db')
    ;(await openDatabase(path, MIGRATIONS.slice(0, 2))).db.close()
    ;(await openDatabase(path, MIGRATIONS.slice(0, 3))).db.close()
    const { db } = await openDatabase(path, MIGRATIONS.slice(0, 4))
    try {
      expect(schemaOf(db)).toEqual(SCHEMA_V4)
    } finally {
      db.close()
    }
  })
})
