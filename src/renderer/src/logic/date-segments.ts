// The parts of a date or time input laid out in the app language's conventions rather than the
// browser's: "November 10, 2026" in English, 2026年11月10日 in Chinese, 24-hour time in every
// language (as the app shows times). The order and the words between parts come from Intl (CLDR),
// so no language's layout is written here. Values stay ISO: YYYY-MM-DD and HH:MM.
import type { Locale } from '../../../shared/domain.ts'
import { Temporal } from '../../../shared/time.ts'
import { zoneName } from '../../../shared/zone-name.ts'
import { timeZones } from './as-of.ts'

export type DatePart = 'year' | 'month' | 'day'
export type DateLayoutItem = { part: DatePart } | { literal: string }

const layouts = new Map<Locale, DateLayoutItem[]>()

function fullDate(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
}

/** The order of year, month and day, with the words or marks between them (年, 月, 日 or ","). */
export function dateLayout(locale: Locale): DateLayoutItem[] {
  let layout = layouts.get(locale)
  if (!layout) {
    layout = []
    for (const { type, value } of fullDate(locale).formatToParts(Date.UTC(2026, 10, 10))) {
      if (type === 'year' || type === 'month' || type === 'day') layout.push({ part: type })
      else if (type === 'literal' && value.trim() !== '') layout.push({ literal: value.trim() })
    }
    layouts.set(locale, layout)
  }
  return layout
}

/**
 * The twelve months as they read inside a full date of the app language — "November" in English,
 * "11" in Chinese, where the layout's own 月 follows — January first.
 */
export function monthNames(locale: Locale): string[] {
  const format = fullDate(locale)
  return Array.from(
    { length: 12 },
    (_, index) => format.formatToParts(Date.UTC(2026, index, 1)).find((p) => p.type === 'month')?.value ?? String(index + 1),
  )
}

export interface DateFields {
  year: string
  /** '1'…'12', or '' when not chosen */
  month: string
  day: string
}

/** YYYY-MM-DD when the fields name a real date (31 February does not), else ''. */
export function isoFromDateFields(fields: DateFields): string {
  if (!/^\d{4}$/.test(fields.year.trim()) || !/^\d{1,2}$/.test(fields.day.trim()) || !/^\d{1,2}$/.test(fields.month)) return ''
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(fields.year), month: Number(fields.month), day: Number(fields.day.trim()) },
      { overflow: 'reject' },
    )
    return date.toString()
  } catch {
    return ''
  }
}

export function dateFieldsFromIso(iso: string): DateFields | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return null
  return { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) }
}

/**
 * A whole date typed or pasted into one part — 2026-11-10, 2026/11/10, 2026.11.10 or
 * 2026年11月10日 (year first: the one order that is never ambiguous) — spread over the parts.
 */
export function dateFieldsFromText(text: string): DateFields | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text)
  if (!match) return null
  const fields = { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) }
  return isoFromDateFields(fields) ? fields : null
}

export interface TimeFields {
  hour: string
  minute: string
}

/** HH:MM on a 24-hour clock when both parts are in range, else ''. */
export function isoFromTimeFields(fields: TimeFields): string {
  const hour = fields.hour.trim()
  const minute = fields.minute.trim()
  if (!/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute)) return ''
  if (Number(hour) > 23 || Number(minute) > 59) return ''
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`
}

export function timeFieldsFromIso(iso: string): TimeFields | null {
  const match = /^(\d{2}):(\d{2})(:\d{2})?$/.exec(iso)
  return match ? { hour: match[1]!, minute: match[2]! } : null
}

/** A whole time typed or pasted into the hour — 13:05, 13.05, 13時05分 — spread over the parts. */
export function timeFieldsFromText(text: string): TimeFields | null {
  const match = /^\s*(\d{1,2})\s*[:.时時点點]\s*(\d{1,2})\s*分?\s*$/.exec(text)
  if (!match) return null
  const fields = { hour: match[1]!, minute: match[2]!.padStart(2, '0') }
  return isoFromTimeFields(fields) ? fields : null
}

export interface ZoneOption {
  zone: string
  /** "Eastern Time (America/New_York)": the name people read, with the id that tells like-named zones apart. */
  label: string
}

const zoneLists = new Map<Locale, ZoneOption[]>()

/**
 * Every zone the runtime knows, named in the app language and sorted by that name (so typing
 * a name's first letters in the list finds it), UTC first; `current` is kept even if the runtime
 * lacks it.
 */
export function zoneOptionsNamed(current: string, locale: Locale, label: (name: string, zone: string) => string): ZoneOption[] {
  let list = zoneLists.get(locale)
  if (!list) {
    const collator = new Intl.Collator(locale)
    const [utc, ...rest] = timeZones().map((zone) => ({ zone, name: zoneName(zone, locale) }))
    rest.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.zone, b.zone))
    list = [utc!, ...rest].map(({ zone, name }) => ({ zone, label: label(name, zone) }))
    zoneLists.set(locale, list)
  }
  return current && !list.some((option) => option.zone === current)
    ? [{ zone: current, label: label(zoneName(current, locale), current) }, ...list]
    : list
}
