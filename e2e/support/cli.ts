// The command line, run as another process against the database the app under test has open —
// the way a person (or a script) would change the data behind the app's back.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

export interface ProbeMeasure {
  id: string
  title: { en: string; 'zh-Hant'?: string; 'zh-Hans'?: string }
  imposer: string
  target: string
  category: string
  events?: { id: string; kind: string; at: string; until?: string | null }[]
  [key: string]: unknown
}

/** Runs `node src/cli/main.ts --db DB ...args` asynchronously (the web host shares this process). */
export async function cli(dbPath: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, '--db', dbPath, ...args], { timeout: 30_000 })
}

/** Writes an exchange file with `measures` and imports it with the command line. */
export async function cliImport(dbPath: string, measures: ProbeMeasure[], options: { replace?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-e2e-import-'))
  const file = join(dir, 'import.json')
  try {
    writeFileSync(file, JSON.stringify({ format: 'measure-tracker', version: 1, measures }))
    const { stdout } = await cli(dbPath, 'import', file, ...(options.replace ? ['--replace'] : []))
    return stdout
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** An RFC 9557 instant `days` from now, in UTC (for deadlines that must stay in the future). */
export function utcInstantFromNow(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000)
  at.setUTCSeconds(0, 0)
  return `${at.toISOString().slice(0, 19)}+00:00[UTC]`
}

/** A measure suspended from 30 days ago until `days` from now: its countdown runs now. */
export function suspendedProbe(
  id: string,
  title: string,
  days: number,
  parties: { imposer: string; target: string } = { imposer: 'US', target: 'CN' },
): ProbeMeasure {
  return {
    id,
    title: { en: title },
    ...parties,
    category: 'tariff',
    events: [
      { id: 'e1', kind: 'effective', at: utcInstantFromNow(-60) },
      { id: 'e2', kind: 'suspended', at: utcInstantFromNow(-30), until: utcInstantFromNow(days) },
    ],
  }
}
