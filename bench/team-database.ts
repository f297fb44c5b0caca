// The team database's figures (issue 17): the same board list and the same mutations as
// bench/core.ts, on a PostgreSQL database holding the same 10,000 generated measures, on a server
// this benchmark starts on loopback in a temporary directory (Debian's `postgresql` binaries, as
// the tests start it: test/helpers/postgres-server.ts). The measures reach the server with
// `db copy` from a file filled by the real import (store/copy-database.ts).
//   pg_list_10k_ms               measures.list of all 10,000 (median of 9, after one cold list)
//   pg_list_vs_sqlite_ratio      that against list_10k_ms of bench/core.ts in the same run (target ≤ 3)
//   pg_mutation_p50/p95_ms       200 mutations, half measures.update, half events.record (target p95 ≤ 20)
//   pg_copy_10k_ms               db copy of the 10,000-measure file to the server (informative)
// Where the PostgreSQL binaries are absent the figures are skipped, with the reason on stderr.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/core/open.ts'
import { copyDatabase } from '../src/core/store/copy-database.ts'
import { postgresBinDir, startPostgres } from '../test/helpers/postgres-server.ts'
import { MEASURE_COUNT, benchMutation } from './core.ts'
import { generateExchangeFile } from './generate.ts'
import { median, percentile, time, timeMany } from './measure.ts'

const AT = '2025-06-01T12:00:00+00:00[UTC]'

export async function teamDatabaseFigures(): Promise<Record<string, number>> {
  if (postgresBinDir() === null) {
    process.stderr.write('pg_* figures skipped: PostgreSQL is not installed (no /usr/lib/postgresql/<major>/bin/initdb)\n')
    return {}
  }
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-pg-'))
  const server = await startPostgres()
  try {
    const file = join(dir, 'bench.db')
    const filled = await openStore({ path: file, actor: 'bench', seed: false })
    const imported = filled.core.call('exchange.import', { file: generateExchangeFile(MEASURE_COUNT) })
    filled.close()
    if (!imported.ok) throw new Error(imported.error.message)

    server.psql('CREATE DATABASE bench')
    const url = new URL(server.url)
    url.pathname = '/bench'
    const copyMs = await time(() => copyDatabase({ from: file, to: url.href, actor: 'bench' }))

    const store = await openStore({ path: url.href, actor: 'bench', seed: false })
    try {
      const list = () => {
        const result = store.core.call('measures.list', { at: AT })
        if (!result.ok || result.value.length !== MEASURE_COUNT) throw new Error('list failed')
      }
      list()
      const listRuns: number[] = []
      for (let i = 0; i < 9; i++) listRuns.push(await time(list))
      const mutationRuns = await timeMany(200, (n) => benchMutation(store, n))
      return {
        pg_copy_10k_ms: copyMs,
        pg_list_10k_ms: median(listRuns),
        pg_mutation_p50_ms: percentile(mutationRuns, 50),
        pg_mutation_p95_ms: percentile(mutationRuns, 95),
      }
    } finally {
      store.close()
    }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
