// Parties are ISO 3166 alpha-2 codes (plus EU); people read region names in the UI language.
import { PARTY_CODES } from '../../../shared/parties.ts'

const displayNames = new Map<string, Intl.DisplayNames | null>()
const collators = new Map<string, Intl.Collator>()

export function regionName(code: string, locale: string): string {
  let names = displayNames.get(locale)
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    } catch {
      names = null
    }
    displayNames.set(locale, names)
  }
  try {
    return names?.of(code) ?? code
  } catch {
    return code
  }
}

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
