// How long an import keeps other processes from writing (issue 9): an observer process tries to
// take the write lock (BEGIN IMMEDIATE, then ROLLBACK) every 20 ms while this process imports a
// generated export through the service, and reports the longest it waited. Before staging
// (store/staged-import.ts) a 25,000-measure import held the lock for its whole run (9–34 s).
//   import_lock_max_wait_10k_ms / _25k_ms         new measures into an empty database
//   import_lock_max_wait_25k_replace_ms            the same 25,000 again with replace
//   import_total_10k_ms / _25k_ms                  the whole import as the caller sees it
// `node bench/import-lock.ts` prints these alone.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from '../src/core/open.ts'
import { generateExchangeFile } from './generate.ts'

const OBSERVER = `
  const { DatabaseSync } = require('node:sqlite')
  const db = new DatabaseSync(process.argv[1], { timeout: 120000 })
  let max = 0, tries = 0
  const tick = () => {
    const start = performance.now()
    db.exec('BEGIN IMMEDIATE')
    max = Math.max(max, performance.now() - start)
    tries++
    db.exec('ROLLBACK')
  }
  process.stdin.on('data', () => { process.stdout.write(JSON.stringify({ max, tries }) + '\\n'); process.exit(0) })
  setInterval(tick, 20)
  process.stdout.write('ready\\n')`

async function importWhileObserved(path: string, file: unknown, replace: boolean): Promise<{ maxWaitMs: number; totalMs: number }> {
  const store = await openStore({ path, actor: 'bench', seed: false })
  const observer = spawn(process.execPath, ['-e', OBSERVER, path], { stdio: ['pipe', 'pipe', 'inherit'] })
  await once(observer.stdout, 'data')
  // Let the observer take a few turns, then import (synchronously: the observer is another process).
  await new Promise((resolve) => setTimeout(resolve, 200))
  const start = performance.now()
  const result = store.core.call('exchange.import', { file, replace })
  const totalMs = performance.now() - start
  store.close()
  if (!result.ok) throw new Error(result.error.message)
  await new Promise((resolve) => setTimeout(resolve, 200))
  observer.stdin.write('report\n')
  const [line] = (await once(observer.stdout, 'data')) as [Buffer]
  const { max } = JSON.parse(line.toString()) as { max: number }
  return { maxWaitMs: max, totalMs }
}

export async function importLockFigures(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-lock-'))
  try {
    const figures: Record<string, number> = {}
    for (const count of [10_000, 25_000]) {
      const file = JSON.parse(JSON.stringify(generateExchangeFile(count))) as unknown
      const path = join(dir, `lock-${count}.db`)
      const fresh = await importWhileObserved(path, file, false)
      figures[`import_lock_max_wait_${count / 1000}k_ms`] = fresh.maxWaitMs
      figures[`import_total_${count / 1000}k_ms`] = fresh.totalMs
      if (count === 25_000) {
        const replaced = await importWhileObserved(path, file, true)
        figures.import_lock_max_wait_25k_replace_ms = replaced.maxWaitMs
        figures.import_total_25k_replace_ms = replaced.totalMs
      }
    }
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await importLockFigures(), null, 2)}\n`)
}
