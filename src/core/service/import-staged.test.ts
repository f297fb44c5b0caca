// exchange.import writes its rows into a staging file before it takes the write lock. Another
// process may change the database in between: the copy under the lock notices (a new conflict is
// refused and nothing is imported; a replaced measure changed meanwhile is audited as it is now).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { openStore, type OpenedStore } from '../open.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const between = vi.hoisted(() => ({ run: null as null | (() => void) }))
vi.mock('../store/staged-import.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../store/staged-import.ts')>()
  return {
    ...real,
    // What another process does after this import was staged and before it takes the lock.
    openStaging: () => {
      const writer = real.openStaging()
      return {
        ...writer,
        finish: (...args: Parameters<typeof writer.finish>) => {
          const staging = writer.finish(...args)
          const run = between.run
          between.run = null
          run?.()
          return staging
        },
      }
    },
  }
})

const stores: OpenedStore[] = []
afterEach(() => {
  between.run = null
  for (const store of stores.splice(0)) store.close()
})

async function twoConnections(): Promise<[OpenedStore, OpenedStore]> {
  const path = join(tempDir(), 'measures.db')
  const first = await openStore({ path, actor: 'first' })
  const second = await openStore({ path, actor: 'second' })
  stores.push(first, second)
  return [first, second]
}

function exportOf(store: OpenedStore) {
  const result = store.core.call('exchange.export', {})
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('exchange.import against another process’s changes', () => {
  it('refuses a conflict that appeared after staging, and imports nothing of the file', async () => {
    const [first, second] = await twoConnections()
    const [template] = exportOf(first).measures
    const file = {
      format: 'measure-tracker',
      version: 1,
      measures: [
        { ...template, id: 'new-a', links: [] },
        { ...template, id: 'new-b', links: [] },
      ],
    }
    between.run = () => {
      const other = second.core.call('exchange.import', { file: { ...file, measures: [file.measures[1]] } })
      expect(other.ok).toBe(true)
    }
    const result = first.core.call('exchange.import', { file })
    expect(result.ok ? null : result.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('new-b') })
    const ids = exportOf(first).measures.map((m) => m.id)
    expect(ids).toContain('new-b')
    expect(ids).not.toContain('new-a')
  })

  it('audits a replaced measure as it was when replaced, when another process changed it after staging', async () => {
    const [first, second] = await twoConnections()
    const file = exportOf(first)
    const target = file.measures[0]?.id as string
    between.run = () => {
      const note = second.core.call('notes.add', { measureId: target, body: 'written meanwhile' })
      expect(note.ok).toBe(true)
    }
    const result = first.core.call('exchange.import', { file, replace: true })
    expect(result.ok && result.value.replaced).toContain(target)
    const detail = first.core.call('measures.get', { id: target })
    const replaced = detail.ok ? detail.value.history.find((entry) => entry.action === 'exchange.import') : undefined
    expect(JSON.stringify(replaced?.before)).toContain('written meanwhile')
    // The import put the file's version back: the note written meanwhile is in the audit, not the measure.
    expect(detail.ok && detail.value.notes.map((n) => n.body)).not.toContain('written meanwhile')
  })
})
