// The board's windowed list at scale (issue 14): measures.page on a generated store of N measures
// (10,000 in the default run, 100,000 with --scale 100k). Figures, never assertions.
//   summary_refresh_<n>_ms  the first page after the import: every summary row computed and indexed
//   list_page_<n>_ms        the first page of the board (100 rows, sorted by deadline, with counts)
//   list_window_<n>_ms      a window deep in the list (what scrolling asks for)
//   search_<n>_ms           a word query ("tag-7": rows and count from the FTS5 trigram index alone)
//   search_short_<n>_ms     a two-character Chinese word (no trigram: instr over the folded text)
//   list_page_title_<n>_ms  the first page sorted by title (collator order, memoised per data)
//   page_as_of_<n>_ms       the first page as of another instant (the engine folds every measure)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/core/open.ts'
import { generateExchangeFile } from './generate.ts'
import { median, time } from './measure.ts'

const label = (count: number) => `${Math.round(count / 1000)}k`

/** Imports `count` generated measures in slices, so the generated file never has to exist whole at 100,000. */
export function importGenerated(store: Store, count: number): void {
  const SLICE = 10_000
  for (let start = 0; start < count; start += SLICE) {
    const file = generateExchangeFile(Math.min(count, start + SLICE))
    file.measures = file.measures.slice(start)
    const result = store.core.call('exchange.import', { file })
    if (!result.ok) throw new Error(result.error.message)
  }
}

export async function pageFigures(count: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-page-'))
  const n = label(count)
  try {
    const store = await openStore({ path: join(dir, 'bench.db'), actor: 'bench', seed: false })
    importGenerated(store, count)
    const call = (input: Record<string, unknown>) => {
      const result = store.core.call('measures.page', input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    const runs = async (work: () => unknown, times = 9) => {
      const all: number[] = []
      for (let i = 0; i < times; i++) all.push(await time(work))
      return median(all)
    }
    const refreshMs = await time(() => call({ limit: 0 }))
    return {
      [`summary_refresh_${n}_ms`]: refreshMs,
      [`list_page_${n}_ms`]: await runs(() => call({ sort: 'next', limit: 100, counts: true })),
      [`list_window_${n}_ms`]: await runs(() => call({ sort: 'next', offset: Math.floor(count * 0.8), limit: 60 })),
      [`search_${n}_ms`]: await runs(() => call({ filter: { text: 'tag-7' }, limit: 100 })),
      [`search_short_${n}_ms`]: await runs(() => call({ filter: { text: '措施' }, limit: 100 })),
      [`list_page_title_${n}_ms`]: await runs(() => call({ sort: 'title', limit: 100 })),
      [`page_as_of_${n}_ms`]: await runs(() => call({ at: '2025-06-01T12:00:00+00:00[UTC]', limit: 100, counts: true }), 3),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 10_000)
  process.stdout.write(`${JSON.stringify(await pageFigures(count))}\n`)
}
