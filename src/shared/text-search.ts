// Text search: one meaning for the board's search box, the service's list filter (and so the
// report's filter, the CLI's --text and the board's note search) and the outcome dialog's
// replacement picker (issue 12).
//
// - The query is split on white space into words. A measure matches when every word occurs
//   somewhere in its searchable text — in any field, in any order, not necessarily side by side.
// - A word matches as a substring, not as a whole word: Chinese is written without spaces, so
//   稀土 must be found inside 稀土出口管制 (and "export" finds "exports").
// - Case, diacritics and character width do not matter: query and text are folded alike —
//   compatibility decomposition (NFKD: full-width ＵＳ → US, the ligature ﬁ → fi), lower case,
//   then combining marks dropped (é → e, İ → i).
// - The searchable text of a measure (`measureSearchText`) is the same whatever the UI language:
//   its id, its title, short name and instrument in every language, tags, and both parties as codes
//   and as names in every UI language ("European Union", "歐盟", "欧盟"); the service adds the
//   measure's live notes, which only it holds.
// - The query's characters are not converted between Traditional and Simplified here: the store
//   keeps every Chinese text in both scripts (deriving a missing one when it is written, see
//   core/text/chinese-script.ts), so 稀土 and 稀土, 關稅 and 关税 each find what the other script has.
import type { MeasureSummary } from './api-views.ts'
import { LOCALES } from './domain.ts'
import { regionName } from './parties.ts'

/** A query folded and split once, so a filter over thousands of rows does not redo it per row. */
export type SearchTerms = readonly string[]

/** The fields of a measure the search reads (a board row, a stored measure). */
export type SearchableMeasure = Pick<MeasureSummary, 'id' | 'title' | 'shortName' | 'instrument' | 'imposer' | 'target' | 'tags'> &
  Partial<Pick<MeasureSummary, 'translations'>>

// Text made only of characters that NFKD leaves as they are and that are no combining marks —
// ASCII, CJK ideographs, the common CJK punctuation — needs lower case only. Most titles, ids and
// tags are such text, and skipping the normalization halves the cost of folding 10,000 rows.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NOTHING_TO_NORMALIZE = /^[\u0000-\u007f\u3001-\u3029\u3030-\u3035\u3400-\u4dbf\u4e00-\u9fff]*$/
const COMBINING_MARK = /\p{M}/u
const COMBINING_MARKS = /\p{M}/gu

/** Text as the search compares it: case, diacritics and width folded away. */
export function foldText(text: string): string {
  if (NOTHING_TO_NORMALIZE.test(text)) return text.toLowerCase()
  const decomposed = text.normalize('NFKD').toLowerCase()
  return COMBINING_MARK.test(decomposed) ? decomposed.replace(COMBINING_MARKS, '') : decomposed
}

/** The words of a query, folded; none for a blank query (which matches everything). */
export function searchTerms(query: string): SearchTerms {
  return foldText(query).split(/\s+/).filter(Boolean)
}

/** Whether every term occurs in `folded` (text already passed through foldText). */
export function matchesTerms(terms: SearchTerms, folded: string): boolean {
  for (const term of terms) if (!folded.includes(term)) return false
  return true
}

/** Texts joined and folded. The separator is white space, which no term contains, so no term spans two fields. */
export function searchText(texts: readonly (string | null | undefined)[]): string {
  let out = ''
  for (const text of texts) if (text) out += (out ? '\n' : '') + foldText(text)
  return out
}

const partyTexts = new Map<string, string>()

/** A party's code and its name in every UI language, folded (a handful of parties: cached). */
function partyText(code: string): string {
  let text = partyTexts.get(code)
  if (text === undefined) {
    text = searchText([...new Set([code, ...LOCALES.map((locale) => regionName(code, locale))])])
    partyTexts.set(code, text)
  }
  return text
}

/** A measure's searchable text, folded (see the top of this file); callers cache it per row. */
export function measureSearchText(measure: SearchableMeasure): string {
  const { title } = measure
  const shortName = measure.translations?.shortName
  const instrument = measure.translations?.instrument
  return [
    searchText([
      measure.id,
      title.en,
      title['zh-Hant'],
      title['zh-Hans'],
      measure.shortName,
      shortName?.['zh-Hant'],
      shortName?.['zh-Hans'],
      measure.instrument,
      instrument?.['zh-Hant'],
      instrument?.['zh-Hans'],
      ...measure.tags,
    ]),
    partyText(measure.imposer),
    partyText(measure.target),
  ].join('\n')
}
