// The measures a lapsed one may have been replaced by (issue 11's "replaced by another measure"):
// of the rows the service found for the text (measures.page), those the search rule finds in the
// measure itself (shared/text-search.ts: every word, in any language's title, short name,
// instrument, tags or parties — not only in its notes), the measure itself and deleted ones left
// out, at most `limit` (a short radio list).
import type { MeasureSummary } from '../../../shared/api-views.ts'
import type { Locale } from '../../../shared/domain.ts'
import { matchesTerms, measureSearchText, searchTerms } from '../../../shared/text-search.ts'
import { localizedText } from '../../../shared/localized.ts'

export interface ReplacementCandidate {
  id: string
  title: string
  imposer: string
  target: string
}

export function replacementCandidates(
  rows: readonly MeasureSummary[],
  excludeId: string,
  query: string,
  locale: Locale,
  limit = 8,
): ReplacementCandidate[] {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  const out: ReplacementCandidate[] = []
  for (const row of rows) {
    if (row.id === excludeId || row.deletedAt !== null) continue
    if (!matchesTerms(terms, measureSearchText(row))) continue
    out.push({ id: row.id, title: localizedText(row.title, locale), imposer: row.imposer, target: row.target })
    if (out.length >= limit) break
  }
  return out
}
