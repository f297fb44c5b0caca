// Core figures: opening, listing with status against bare reads, mutations, export and import,
// on a generated store of 10,000 measures × 10 events.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openStore, type Store } from '../src/core/open.ts'
import { openDatabase } from '../src/core/store/database.ts'
import { generateExchangeFile } from './generate.ts'
import { median, percentile, time, timeMany } from './measure.ts'

export const MEASURE_COUNT = 10_000

/** The n-th of the benchmark's mutations of a generated store: every other one a fact edit, else an event recorded. */
export function benchMutation(store: Pick<Store, 'core'>, n: number): void {
  const result =
    n % 2 === 0
      ? store.core.call('measures.update', { id: `m-${n}`, facts: { rate: `${n}%` } })
      : store.core.call('events.record', { measureId: `m-${n}`, event: { kind: 'review', at: '2026-11-26T10:00:00+00:00[UTC]' } })
  if (!result.ok) throw new Error(result.error.message)
}

export async function coreFigures(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-'))
  try {
    // Open + migrate a new file, fastest of 5 runs (each on its own file).
    const openRuns: number[] = []
    for (let i = 0; i < 5; i++) {
      const path = join(dir, `open-${i}.db`)
      const start = performance.now()
      const opened = await openDatabase(path)
      openRuns.push(performance.now() - start)
      opened.db.close()
    }

    const path = join(dir, 'bench.db')
    const store = await openStore({ path, actor: 'bench', seed: false })
    const file = generateExchangeFile(MEASURE_COUNT)
    const importMs = await time(() => {
      const result = store.core.call('exchange.import', { file })
      if (!result.ok) throw new Error(result.error.message)
    })

    const at = '2025-06-01T12:00:00+00:00[UTC]'
    const list = () => {
      const result = store.core.call('measures.list', { at })
      if (!result.ok || result.value.length !== MEASURE_COUNT) throw new Error('list failed')
    }
    // The baseline reads exactly the rows the list reads, with the same statements and the
    // same array rows, and does nothing with them: the ratio is the cost of everything else.
    const bare = new DatabaseSync(path, { readOnly: true })
    const bareStatements = [
      'SELECT id, title_en, title_zh_hant, title_zh_hans, short_name, imposer, target, category, instrument, rate, scope, deleted_at, timeline FROM measures WHERE deleted_at IS NULL',
      'SELECT measure_id, tag FROM measure_tags ORDER BY measure_id, position',
      'SELECT measure_id, target_id, relation FROM links ORDER BY measure_id, target_id',
      'SELECT measure_id, count(*) FROM notes WHERE deleted_at IS NULL GROUP BY measure_id',
    ].map((sql) => {
      const statement = bare.prepare(sql)
      statement.setReturnArrays(true)
      return statement
    })
    const bareRead = () => {
      for (const statement of bareStatements) statement.all()
    }
    // The first list after opening decodes every timeline; later ones reuse the decoded events
    // while the stored text is unchanged (array-rows.ts timelineOf). Report both.
    const coldListMs = await time(list)
    bareRead()
    const listRuns: number[] = []
    const bareRuns: number[] = []
    for (let i = 0; i < 9; i++) {
      listRuns.push(await time(list))
      bareRuns.push(await time(bareRead))
    }
    bare.close()

    const mutationRuns = await timeMany(200, (n) => benchMutation(store, n))

    const exportMs = await time(() => {
      const result = store.core.call('exchange.export', {})
      if (!result.ok) throw new Error(result.error.message)
    })
    store.close()

    const listMs = median(listRuns)
    const bareMs = median(bareRuns)
    return {
      open_migrate_ms: Math.min(...openRuns),
      list_10k_cold_ms: coldListMs,
      list_10k_ms: listMs,
      bare_read_10k_ms: bareMs,
      list_vs_bare_ratio: listMs / bareMs,
      mutation_p50_ms: percentile(mutationRuns, 50),
      mutation_p95_ms: percentile(mutationRuns, 95),
      export_10k_ms: exportMs,
      import_10k_ms: importMs,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
