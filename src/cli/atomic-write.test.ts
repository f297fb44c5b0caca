// The command line's output files (export --out, calendar, report): written through a private,
// unpredictable temporary file that never follows a link planted by another user.
import { describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runCli } from './cli.ts'
import { temporaryPathBeside, writeFileAtomically } from '../core/fs/atomic-write.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'

async function exportTo(db: string, out: string): Promise<number> {
  return runCli(['--db', db, 'export', '--out', out], { out: () => {}, err: () => {} })
}

describe('export --out', () => {
  it('writes a file only its owner can read (0600), as the temporary file was created', async () => {
    const dir = tempDir('mt-out-')
    const out = join(dir, 'export.json')
    expect(await exportTo(join(dir, 'm.db'), out)).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'measure-tracker' })
  })

  it('does not follow a symlink another user planted at the old predictable temporary name', async () => {
    const dir = tempDir('mt-out-')
    const out = join(dir, 'export.json')
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'not yours')
    // The name the previous version used: the target, the process id, ".tmp".
    const planted = `${out}.${process.pid}.tmp`
    symlinkSync(victim, planted)
    expect(await exportTo(join(dir, 'm.db'), out)).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('not yours')
    expect(lstatSync(planted).isSymbolicLink()).toBe(true)
    expect(lstatSync(out).isSymbolicLink()).toBe(false)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'measure-tracker' })
  })
})

describe('writeFileAtomically', () => {
  it('picks a different, unguessable temporary name each time, beside the target', () => {
    const target = '/some/folder/export.json'
    const first = temporaryPathBeside(target)
    const second = temporaryPathBeside(target)
    expect(first).not.toBe(second)
    expect(dirname(first)).toBe('/some/folder')
    expect(first).not.toContain(String(process.pid))
    expect(first).toMatch(/^\/some\/folder\/\.export\.json\.[0-9a-f]{24}\.tmp$/)
  })

  it('leaves no temporary file behind when the rename fails', () => {
    const dir = tempDir('mt-out-')
    const target = join(dir, 'a-folder')
    mkdirSync(join(target, 'inside'), { recursive: true })
    expect(() => writeFileAtomically(target, 'data')).toThrow()
    expect(readdirSync(dir)).toEqual(['a-folder'])
  })
})
