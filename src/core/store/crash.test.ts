// Crash safety: a child process writes through the real store and is killed with SIGKILL at
// random moments. After every kill the database must open, pass integrity_check, and hold every
// write the child reported as committed.
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openStore } from '../open.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

// 50 kills in the normal suite; `npm run test:crash` runs 200 (npm names the script in
// npm_lifecycle_event, which works on every platform); MT_CRASH_KILLS overrides both.
const KILLS = Number(process.env.MT_CRASH_KILLS ?? (process.env.npm_lifecycle_event === 'test:crash' ? 200 : 50))
const WRITER = join(import.meta.dirname, '../../../test/fixtures/crash-writer.ts')

/** Starts the writer, kills it `delayMs` after its first committed write, returns what it reported. */
function runAndKill(path: string, prefix: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, path, prefix], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let armed = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      if (!armed) {
        armed = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${err}`))
      // A line cut off by the kill was not reported; only whole lines count.
      else resolve(out.split('\n').slice(0, -1))
    })
  })
}

describe('crash safety', () => {
  it(
    `keeps every reported write and stays intact across ${KILLS} SIGKILLs`,
    async () => {
      const path = join(tempDir('mt-crash-'), 'crash.db')
      // Create the schema once so the children start writing at once.
      ;(await openStore({ path, actor: 'test', seed: false })).close()
      const reported: string[] = []
      let intact = 0
      for (let round = 0; round < KILLS; round++) {
        reported.push(...(await runAndKill(path, `r${round}`, Math.floor(Math.random() * 40))))
        const db = new DatabaseSync(path)
        expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
        db.close()
        intact++
      }
      const store = await openStore({ path, actor: 'test', seed: false })
      const list = store.core.call('measures.list', {})
      store.close()
      if (!list.ok) throw new Error(list.error.message)
      const present = new Set(list.value.map((m) => m.id))
      const lost = reported.filter((id) => !present.has(id))
      // The figures the notes record (npm run test:crash).
      console.log(
        `crash test: ${KILLS} kills, ${reported.length} acknowledged writes, ${lost.length} lost, integrity_check ok after ${intact} of ${KILLS} kills`,
      )
      expect(reported.length).toBeGreaterThan(KILLS)
      expect(lost).toEqual([])
      // Each measure was created and suspended in separate transactions; a reported one has both.
      const withEvent = list.value.filter((m) => reported.includes(m.id) && m.status === 'suspended')
      expect(withEvent.length).toBe(reported.length)
    },
    KILLS * 3_600,
  )
})
