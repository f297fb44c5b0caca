// Showing instants and countdowns to people, in their language and a chosen zone. Formatters
// are cached: the board formats thousands of dates.
import type { Locale } from './domain.ts'
import { countdownParts } from './time.ts'
import type { Translate } from './i18n/translate.ts'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: Locale, zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${withTime}`
  let cached = formatters.get(key)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    } as Intl.DateTimeFormatOptions)
    formatters.set(key, cached)
  }
  return cached
}

/** "10 Nov 2026, 00:01 EST" in the given zone and language. */
export function formatInstant(atMs: number, zone: string, locale: Locale): string {
  return formatter(locale, zone, true).format(atMs)
}

export function formatDate(atMs: number, zone: string, locale: Locale): string {
  return formatter(locale, zone, false).format(atMs)
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>()

/** "00:01 EST": the wall-clock time and zone abbreviation of an instant in `zone` (a legal time beside its date). */
export function formatTime(atMs: number, zone: string, locale: Locale): string {
  const key = `${locale}|${zone}`
  let cached = timeFormatters.get(key)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
    timeFormatters.set(key, cached)
  }
  return cached.format(atMs)
}

/** The legal zone written in an RFC 9557 string: `…[America/New_York]` → `America/New_York`. */
export function zoneOf(zoned: string): string {
  const open = zoned.lastIndexOf('[')
  return open >= 0 ? zoned.slice(open + 1, -1) : 'UTC'
}

/** "12d 3h 4m 5s" (or with `short`, without seconds) from `nowMs` to `atMs`. */
export function formatCountdown(nowMs: number, atMs: number, t: Translate, short = false): string {
  const { past, ...parts } = countdownParts(nowMs, atMs)
  const text = t(short ? 'countdown.short' : 'countdown.format', parts)
  return past ? t('countdown.ago', { value: text }) : text
}
