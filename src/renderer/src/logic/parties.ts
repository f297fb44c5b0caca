// Parties are ISO 3166 alpha-2 codes (plus EU); people read region names in the UI language.
import { PARTY_CODES, regionName } from '../../../shared/parties.ts'
import { collator } from '../../../shared/list-order.ts'

// The names come from shared/parties.ts, which the search (shared/text-search.ts) reads as well.
export { regionName }

// Every sorted list of words uses the board's collator (shared/list-order.ts: one home).
export { collator }

export interface PartyOption {
  code: string
  name: string
}

/** Parties as select options, sorted by their name in the UI language. */
export function partyOptions(codes: Iterable<string>, locale: string): PartyOption[] {
  const compare = collator(locale)
  return [...new Set(codes)]
    .map((code) => ({ code, name: regionName(code, locale) }))
    .sort((a, b) => compare.compare(a.name, b.name) || a.code.localeCompare(b.code))
}

/** Every party a measure may name, for the editor's selects. */
export function allPartyOptions(locale: string): PartyOption[] {
  return partyOptions(PARTY_CODES, locale)
}
