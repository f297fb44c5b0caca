// A time zone as people read it: "Eastern Time", 東部時間, 北美东部时间 — never a bare IANA id or
// "[UTC]". The names come from the runtime's CLDR data (Intl), in the app's language, so they
// need no table of our own. The id stays beside the name where zones must be told apart (many
// IANA zones share "Eastern Time").
import type { Locale } from './domain.ts'

const names = new Map<string, string>()

function zonePart(zone: string, locale: Locale, style: 'longGeneric' | 'long'): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(0)
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone
}

/** An offset written as a name ("GMT+00:00", "GMT-05:00"): CLDR has no better name for the zone in that style. */
const OFFSET_NAME = /^(GMT|UTC)([+\-−]\d|$)/

/** "Eastern Time" (en), 東部時間 (zh-Hant), 北美东部时间 (zh-Hans); UTC is "Coordinated Universal Time". Unknown zones read as given. */
export function zoneName(zone: string, locale: Locale): string {
  const key = `${locale}|${zone}`
  let name = names.get(key)
  if (name === undefined) {
    try {
      // The generic name ("Eastern Time") holds all year; the long one says "Standard" in winter only.
      name = zonePart(zone, locale, 'longGeneric')
      if (OFFSET_NAME.test(name)) {
        const long = zonePart(zone, locale, 'long')
        if (!OFFSET_NAME.test(long)) name = long
      }
    } catch {
      name = zone
    }
    names.set(key, name)
  }
  return name
}
