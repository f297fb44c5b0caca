// The PostgreSQL migration list mirrors SQLite's: one file per step, the same numbers and names,
// frozen text that reads no runtime code. (What the steps build is compared in migrate.test.ts.)
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../migrations.ts'
import { POSTGRES_MIGRATIONS } from './migrations.ts'

const FOLDER = join(import.meta.dirname, 'migrations')
const SQLITE_FOLDER = join(import.meta.dirname, '..', 'migrations')

describe('the PostgreSQL migration list', () => {
  it('has one step per SQLite step, in files of the same numbers and names', () => {
    expect(POSTGRES_MIGRATIONS.length).toBe(MIGRATIONS.length)
    expect(readdirSync(FOLDER).sort()).toEqual(readdirSync(SQLITE_FOLDER).sort())
  })

  it('exports from each file exactly the SQL that runs at its version', async () => {
    for (const [index, file] of readdirSync(FOLDER).sort().entries()) {
      const module = (await import(join(FOLDER, file))) as Record<string, unknown>
      expect({ ...module }, `${file} exports POSTGRES_MIGRATION_${index + 1} and nothing else`).toEqual({
        [`POSTGRES_MIGRATION_${index + 1}`]: POSTGRES_MIGRATIONS[index],
      })
    }
  })

  it('reads no runtime code: no imports, no interpolation', () => {
    for (const file of readdirSync(FOLDER)) {
      const source = readFileSync(join(FOLDER, file), 'utf8')
      expect(source, `${file} imports code`).not.toMatch(/^\s*import\b|\bimport\(|\brequire\(/m)
      expect(source, `${file} interpolates a value into its SQL`).not.toContain('${')
    }
  })
})
