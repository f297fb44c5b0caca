// Parties are ISO 3166 alpha-2 codes (plus EU); people read region names in the UI language.
import { PARTY_CODES, regionName } from '../../../shared/parties.ts'

// The names come from shared/parties.ts, which the search (shared/text-search.ts) reads as well.
export { regionName }

const collators = new Map<string, Intl.Collator>()

export function collator(locale: string): Intl.Collator {
  let found = collators.get(locale)
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })))
  return found
}

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
