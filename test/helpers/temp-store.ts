// A fresh database in a temporary folder per test, opened through the real store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../../src/core/open.ts'

export interface TempStore {
  store: Store
  dir: string
  path: string
  cleanup(): void
}

export function tempDir(prefix = 'mt-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export async function openTempStore(options: { seed?: boolean; nowMs?: () => number } = {}): Promise<TempStore> {
  const dir = tempDir()
  const path = join(dir, 'measures.db')
  const store = await openStore({ path, actor: 'test', seed: options.seed ?? true, ...(options.nowMs ? { nowMs: options.nowMs } : {}) })
  return {
    store,
    dir,
    path,
    cleanup() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
