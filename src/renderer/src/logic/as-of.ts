// Between what a person picks (a date, a wall-clock time, a zone) and the RFC 9557 strings the
// service takes. Used by the board's "as of" control and by event entry.
import { Temporal, formatZoned, isValidTimeZone, parseZoned } from '../../../shared/time.ts'

export interface ZonedParts {
  /** YYYY-MM-DD */
  date: string
  /** HH:MM (what <input type="time"> gives) */
  time: string
  zone: string
}

/** The instant for a wall-clock reading in a zone, or null if any part is missing or invalid. */
export function zonedFromParts(parts: ZonedParts): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(parts.time)) return null
  if (!isValidTimeZone(parts.zone)) return null
  try {
    const wall = Temporal.PlainDateTime.from(`${parts.date}T${parts.time}`, { overflow: 'reject' })
    // A time skipped by a DST change resolves like most legal texts intend: the next valid time.
    return formatZoned(wall.toZonedDateTime(parts.zone, { disambiguation: 'compatible' }))
  } catch {
    return null
  }
}

export function partsFromZoned(value: string): ZonedParts {
  const zdt = parseZoned(value)
  return {
    date: zdt.toPlainDate().toString(),
    time: zdt.toPlainTime().toString({ smallestUnit: 'minute' }),
    zone: zdt.timeZoneId,
  }
}

/** The current date and time in a zone, to the minute (the default of a new entry). */
export function nowParts(zone: string, nowMs: number = Date.now()): ZonedParts {
  const zdt = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone)
  return { date: zdt.toPlainDate().toString(), time: zdt.toPlainTime().toString({ smallestUnit: 'minute' }), zone }
}

let zoneList: string[] | null = null

/** Every IANA zone the runtime knows, UTC first. */
export function timeZones(): string[] {
  if (zoneList) return zoneList
  let zones: string[]
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = []
  }
  zoneList = ['UTC', ...zones.filter((zone) => zone !== 'UTC')]
  return zoneList
}

/**
 * The same instant read in another zone: changing only the zone of an as-of or event time keeps
 * the instant (it never jumps to the old wall-clock reading in the new zone). Null if `parts` is
 * not a valid instant or `zone` is unknown.
 */
export function partsInZone(parts: ZonedParts, zone: string): ZonedParts | null {
  const value = zonedFromParts(parts)
  if (value === null || !isValidTimeZone(zone)) return null
  return partsFromZoned(formatZoned(parseZoned(value).withTimeZone(zone)))
}
