// The measures a lapsed one may have been replaced by, found by title (issue 11's "replaced by
// another measure"): the loaded board rows, matched on every language's title, short name and
// instrument, the measure itself and deleted ones left out, at most `limit` (a short radio list).
import type { MeasureSummary } from '../../../shared/api-views.ts'
import type { Locale } from '../../../shared/domain.ts'
import { titleOf } from './text.ts'

export interface ReplacementCandidate {
  id: string
  title: string
  imposer: string
  target: string
}

export function replacementCandidates(rows: readonly MeasureSummary[], excludeId: string, query: string, locale: Locale, limit = 8): ReplacementCandidate[] {
  const needle = query.trim().toLocaleLowerCase()
  if (needle === '') return []
  const out: ReplacementCandidate[] = []
  for (const row of rows) {
    if (row.id === excludeId || row.deletedAt !== null) continue
    const haystack = [row.title.en, row.title['zh-Hant'], row.title['zh-Hans'], row.shortName, row.instrument].filter(Boolean).join('\n').toLocaleLowerCase()
    if (!haystack.includes(needle)) continue
    out.push({ id: row.id, title: titleOf(row.title, locale), imposer: row.imposer, target: row.target })
    if (out.length >= limit) break
  }
  return out
}
