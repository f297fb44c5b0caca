// `export --format ics` without --out prints what --out writes, byte for byte (issue 14): the
// printer hands the text over about a megabyte at a time (printChunks), and a calendar's CRLF line
// ends (RFC 5545) must survive every piece's end as well as the terminal-safe printer, which drops
// lone CRs. Run as its own process, so what is compared is the bytes main.ts puts on stdout (the
// in-process check is in core/exchange/exchange-stream.test.ts).
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../bench/generate.ts'
import { cli } from '../../test/helpers/run-cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const MB = 1024 * 1024

/** stdout of `node src/cli/main.ts ...args`, as bytes. */
function stdoutOf(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } })
    const out: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }))
  })
}

let dir: string
let db: string
beforeAll(async () => {
  dir = tempDir('mt-stdout-')
  db = join(dir, 'm.db')
  const source = join(dir, 'generated.json')
  writeFileSync(source, JSON.stringify(generateExchangeFile(800), null, 2))
  const imported = await cli('--db', db, 'import', source)
  if (imported.code !== 0) throw new Error(imported.err)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('export --format ics on stdout', () => {
  it('prints the .ics file --out writes, byte for byte, across several megabyte pieces', async () => {
    const file = join(dir, 'all.ics')
    expect((await stdoutOf(['--db', db, 'export', '--format', 'ics', '--out', file])).code).toBe(0)
    const written = readFileSync(file)
    // Several of the printer's ~1 MB pieces, so several piece ends fall on a CRLF.
    expect(written.length).toBeGreaterThan(3 * MB)
    const printed = await stdoutOf(['--db', db, 'export', '--format', 'ics'])
    expect(printed.code, printed.stderr).toBe(0)
    expect(printed.stdout.length).toBe(written.length)
    expect(printed.stdout.equals(written)).toBe(true)
  }, 60_000)
})
