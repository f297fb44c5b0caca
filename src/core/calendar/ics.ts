// Calendar export: measures' transitions as an iCalendar (RFC 5545) file. Pure: the service
// (core/service/calendar.ts) feeds it from the store and the clock.
//
// - One VEVENT per transition of each measure's life (transitionsOf: past and future, so the
//   calendar shows the whole life), at its exact instant: DTSTART;TZID=<legal zone> in that zone's
//   wall time — in UTC when that wall time occurs twice (the hour clocks are turned back): §3.3.5
//   says it then means the first, but parsers differ (node-ical takes the second), and UTC is
//   exact everywhere — no DTEND (an instant: zero duration),
//   TRANSP:TRANSPARENT (a deadline is not a meeting; it must not mark the user busy).
// - UID `${measureId}+${eventId}+${kind}@measure-tracker`: the event id the transition comes from
//   and its kind identify it within the measure ("+" appears in no id, so the parts cannot run
//   together), so re-importing the file updates the same calendar entries. A date corrected later
//   (an alternative chosen, an extension) keeps its UID and moves.
// - DTSTAMP and LAST-MODIFIED are when the measure last changed (for a file without METHOD,
//   DTSTAMP is the last revision, §3.8.7.2), and SEQUENCE the minutes from 2020 to that change —
//   or the measure's `sequence` when the service gives one (core/service/calendar-ledger.ts keeps
//   it rising by at least one for every change of what the calendar says, even two changes in
//   one minute or a backup restored): the same data gives the same file, and a changed measure a
//   higher SEQUENCE, which is what tells calendar programs an import is a newer version (§3.8.7.4).
// - Cancelled transitions (issue 13): one that left a measure's life — an end an extension moved,
//   an event removed, a measure deleted — is written with its old UID, DTSTART and summary,
//   STATUS:CANCELLED (§3.8.1.11), a higher SEQUENCE and no alarm, so a calendar that imported or
//   subscribed to an earlier file removes it. The service keeps them for CANCELLED_RETENTION_DAYS
//   after the change (core/calendar/changes.ts); a transition that comes back (undo) is live again
//   under the same UID with a higher SEQUENCE still.
// - VALARM (DISPLAY, TRIGGER:-P{n}D) for each lead time, on transitions still ahead, and only the
//   alarms whose moment is still ahead: a calendar fed an alarm whose time has passed shows it at
//   once as overdue. Days are nominal (§3.3.6), i.e. calendar days on the event's wall clock — the
//   same instants the app's own reminders use (core/reminders/schedule.ts).
// - VTIMEZONE for every zone used, written from the time-zone database through Temporal: one
//   STANDARD/DAYLIGHT sub-component per UTC-offset change, from the one in force at the start of
//   the years covered (with the alarms' lead) to the end of the last year. No RRULE: each onset is
//   explicit, so the definition is exact for those years, rule changes included.
// - Text in the chosen language, marked with LANGUAGE; TEXT escaping of \ ; , and line breaks
//   (§3.3.11) after control characters are removed; lines folded at 75 octets, never inside a
//   UTF-8 sequence (§3.1). CRLF throughout.
//
// Written by hand rather than with ical-generator (which the brief offered): its line folding
// appends one character at a time to a string once a line holds any non-ASCII character — every
// line in Chinese, and ours have "—" — which took 12 s of a 10,000-measure export; it has no
// LANGUAGE parameter; it writes the calendar's name unescaped (a title with a line break broke the
// file); and it re-derives every date through its own conversions. What it would do for us is the
// few rules above, each pinned by ics.test.ts against node-ical, an independent parser.
import type { Locale, LocalizedText, MeasureStatus, Status, Transition, TransitionKind } from '../../shared/domain.ts'
import { formatInstant, zoneOf } from '../../shared/format.ts'
import { translate } from '../../shared/i18n/translate.ts'
import { localizedText } from '../../shared/localized.ts'
import { Temporal, epochMs } from '../../shared/time.ts'
import { DAY_MS, MINUTE_MS } from '../../shared/time-units.ts'
import { normalizeLeadDays, reminderDueAfter, reminderDueAtMs } from '../reminders/schedule.ts'
import { reminderPhrase } from '../reminders/notification-text.ts'
import { rateText, statusText } from '../../shared/rate.ts'

/** A transition with the status the measure has from that instant on. */
export interface CalendarTransition extends Transition {
  status: Status
  /** The rate from that instant on (partial suspensions and rate steps say what applies). */
  rateState?: Pick<MeasureStatus, 'status' | 'rate' | 'rateValue' | 'rateInEffect' | 'suspendedPart'>
}

export interface CalendarMeasure {
  id: string
  title: LocalizedText
  instrument?: string
  transitions: readonly CalendarTransition[]
  /** When the measure last changed (ISO 8601 instant). */
  updatedAt: string
  /** SEQUENCE of its events; default: sequenceOf(updatedAt). */
  sequence?: number
}

/** Why a transition left the calendar. */
export type CancelReason = 'superseded' | 'removed' | 'measure_deleted'

/** A transition exported earlier that no longer exists: written as STATUS:CANCELLED under its old UID. */
export interface CancelledTransition {
  uid: string
  measureId: string
  eventId: string
  kind: TransitionKind
  /** Its start as last exported (RFC 9557, legal zone). */
  at: string
  atMs: number
  title: LocalizedText
  instrument: string
  reason: CancelReason
  /** A superseded end: the end the extension set (null: indefinite). */
  movedTo: string | null
  sequence: number
  /** When the change that removed it was made (ISO 8601 instant). */
  cancelledAt: string
}

export interface CalendarOptions {
  leadDays: readonly number[]
  locale: Locale
  /** Alarms whose moment is before this are left out. */
  nowMs: number
  /** PRODID; its language part is the locale. */
  productId?: { company: string; product: string }
  /** NAME / X-WR-CALNAME: the name calendar programs give the imported calendar. */
  name?: string
}

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1)
const PRODUCT = { company: 'Measure Tracker', product: 'Measure Tracker' }

export function eventUid(measureId: string, transition: Pick<Transition, 'eventId' | 'kind'>): string {
  return `${measureId}+${transition.eventId}+${transition.kind}@measure-tracker`
}

/** Minutes from 2020 to the change: grows with every change, fits any client's integer. */
export function sequenceOf(updatedAtMs: number): number {
  return Math.max(0, Math.floor((updatedAtMs - SEQUENCE_EPOCH_MS) / MINUTE_MS))
}

/** The SEQUENCE a measure's events are written with. */
export function measureSequence(measure: Pick<CalendarMeasure, 'updatedAt' | 'sequence'>): number {
  const updatedAtMs = Date.parse(measure.updatedAt)
  return Math.max(sequenceOf(Number.isFinite(updatedAtMs) ? updatedAtMs : 0), measure.sequence ?? 0)
}

// --- text -------------------------------------------------------------------------------------

// CONTROL characters are not allowed in TEXT (§3.3.11) but tab; line breaks are escaped as \n.
// Lone surrogates would not encode as UTF-8.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD')
}

/** A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(text: string): string {
  return cleanText(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
}

const FOLD_OCTETS = 75

/** Folds a content line at 75 octets (§3.1): continuation lines start with a space; no UTF-8 sequence is split. */
export function foldLine(line: string): string {
  // Fast path: 25 UTF-16 units take at most 75 octets.
  if (line.length <= FOLD_OCTETS / 3) return line
  let octets = 0
  let start = 0
  let limit = FOLD_OCTETS
  let parts: string[] | null = null
  for (let i = 0; i < line.length;) {
    const code = line.charCodeAt(i)
    const pair = code >= 0xd800 && code <= 0xdbff
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3
    if (octets + width > limit) {
      if (parts === null) parts = []
      parts.push(line.slice(start, i))
      start = i
      octets = 0
      limit = FOLD_OCTETS - 1 // the leading space counts
    }
    octets += width
    i += pair ? 2 : 1
  }
  if (parts === null) return line
  parts.push(line.slice(start))
  return parts.join('\r\n ')
}

// --- dates --------------------------------------------------------------------------------------

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** A UTC date-time: 20261110T050100Z. */
function utcText(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

/** The local date-time (no zone) of an instant at a given offset. */
function localText(epochMs: number, offsetMs: number): string {
  return utcText(epochMs + offsetMs).slice(0, -1)
}

/** The wall-clock part of an RFC 9557 string, which is the local time in its zone: 2026-11-10T00:01:00… → 20261110T000100. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/

function offsetText(offsetMs: number): string {
  const total = Math.round(Math.abs(offsetMs) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return `${offsetMs < 0 ? '-' : '+'}${pad(hours)}${pad(minutes)}${seconds ? pad(seconds) : ''}`
}

/** Zones written as UTC (no TZID): UTC itself, and fixed offsets such as "+08:00" (a TZID cannot hold ":"). */
function isUtcLike(zone: string): boolean {
  return zone === 'UTC' || /^[+-]/.test(zone)
}

const zoneNames = new Map<string, Intl.DateTimeFormat>()
function zoneAbbreviation(zone: string, atMs: number): string | null {
  let format = zoneNames.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    zoneNames.set(zone, format)
  }
  return format.formatToParts(atMs).find((part) => part.type === 'timeZoneName')?.value ?? null
}

interface Onset {
  atMs: number
  fromMs: number
  toMs: number
}

/** Every change of UTC offset in `zone` from the one in force at `fromMs`, plus the first after `toMs`. */
function onsetsOf(zone: string, fromMs: number, toMs: number): Onset[] {
  const start = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone)
  const found: Temporal.ZonedDateTime[] = []
  const inForce = start.getTimeZoneTransition('previous')
  if (inForce) found.push(inForce)
  let cursor: Temporal.ZonedDateTime | null = inForce ?? start
  while (cursor && (found.length === 0 || (found.at(-1) as Temporal.ZonedDateTime).epochMilliseconds <= toMs) && found.length < 2000) {
    cursor = cursor.getTimeZoneTransition('next')
    if (cursor) found.push(cursor)
  }
  return found.map((onset) => ({
    atMs: onset.epochMilliseconds,
    fromMs: Temporal.Instant.fromEpochNanoseconds(onset.epochNanoseconds - 1n).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6,
    toMs: onset.offsetNanoseconds / 1e6,
  }))
}

/** The VTIMEZONE lines for `zone` over [fromMs, toMs]. DAYLIGHT is an offset above those before and after it. */
function vtimezoneLines(zone: string, fromMs: number, toMs: number, onsets: readonly Onset[]): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`]
  if (onsets.length === 0) {
    const offset = offsetText(Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6)
    const name = zoneAbbreviation(zone, fromMs)
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      ...(name ? [`TZNAME:${name}`] : []),
      'END:STANDARD',
    )
  }
  onsets.forEach((onset, index) => {
    if (onset.atMs > toMs) return
    const after = onsets[index + 1]
    const kind = onset.toMs > onset.fromMs && after !== undefined && onset.toMs > after.toMs ? 'DAYLIGHT' : 'STANDARD'
    const name = zoneAbbreviation(zone, onset.atMs)
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localText(onset.atMs, onset.fromMs)}`,
      `TZOFFSETFROM:${offsetText(onset.fromMs)}`,
      `TZOFFSETTO:${offsetText(onset.toMs)}`,
      ...(name ? [`TZNAME:${name}`] : []),
      `END:${kind}`,
    )
  })
  lines.push('END:VTIMEZONE')
  return lines
}

/** Start of the year (in `zone`) of `fromMs`, and end of the year of `toMs`. */
function wholeYears(zone: string, fromMs: number, toMs: number): { fromMs: number; toMs: number } {
  const first = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone)
  const last = Temporal.Instant.fromEpochMilliseconds(toMs).toZonedDateTimeISO(zone)
  return {
    fromMs: Temporal.PlainDate.from({ year: first.year, month: 1, day: 1 }).toZonedDateTime(zone).epochMilliseconds,
    toMs: Temporal.PlainDate.from({ year: last.year + 1, month: 1, day: 1 }).toZonedDateTime(zone).epochMilliseconds - 1,
  }
}

/** A VTIMEZONE for `zone`, exact from `fromMs` to `toMs` (CRLF-separated lines). */
export function vtimezone(zone: string, fromMs: number, toMs: number): string {
  return vtimezoneLines(zone, fromMs, toMs, onsetsOf(zone, fromMs, toMs)).join('\r\n')
}

interface ZoneInfo {
  lines: string[]
  /** Instants whose wall time occurs twice (around clocks going back): [from, to). */
  repeated: { fromMs: number; toMs: number }[]
}

function zoneInfo(zone: string, span: { fromMs: number; toMs: number }): ZoneInfo {
  const years = wholeYears(zone, span.fromMs, span.toMs)
  const onsets = onsetsOf(zone, years.fromMs, years.toMs)
  return {
    lines: vtimezoneLines(zone, years.fromMs, years.toMs, onsets),
    repeated: onsets
      .filter((o) => o.toMs < o.fromMs)
      .map((o) => ({ fromMs: o.atMs - (o.fromMs - o.toMs), toMs: o.atMs + (o.fromMs - o.toMs) })),
  }
}

/** DTSTART for an instant: its legal wall time with TZID, or UTC (see the header). */
function dtstart(transition: Pick<Transition, 'at' | 'atMs'>, zone: string, zones: ReadonlyMap<string, ZoneInfo>): string {
  const info = zones.get(zone)
  const wall = WALL_CLOCK.exec(transition.at)
  if (!info || !wall || info.repeated.some((r) => transition.atMs >= r.fromMs && transition.atMs < r.toMs)) {
    return `DTSTART:${utcText(transition.atMs)}`
  }
  return `DTSTART;TZID=${zone}:${wall[1]}${wall[2]}${wall[3]}T${wall[4]}${wall[5]}${wall[6] ?? '00'}`
}

// --- the calendar -----------------------------------------------------------------------------------

/** The chosen language's messages and LANGUAGE-tagged TEXT lines. */
function writerFor(locale: Locale) {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params)
  const text = (name: string, value: string) => `${name};LANGUAGE=${locale}:${escapeText(value)}`
  return { locale, t, text }
}
type Writer = ReturnType<typeof writerFor>

/** What every VEVENT says, live or cancelled. */
interface EventHead {
  uid: string
  measureId: string
  kind: TransitionKind
  at: string
  atMs: number
  title: string
  instrument: string
  /** Lines of the description between the measure's id and the legal time. */
  about: string[]
  stampMs: number
  sequence: number
  cancelled: boolean
}

function eventHeadLines(head: EventHead, { locale, t, text }: Writer, zones: ReadonlyMap<string, ZoneInfo>): string[] {
  const zone = zoneOf(head.at)
  const stamp = utcText(Number.isFinite(head.stampMs) ? head.stampMs : 0)
  const description = [
    head.title,
    t('calendar.measure', { id: head.measureId }),
    ...head.about,
    t('calendar.legalTime', { at: formatInstant(head.atMs, zone, locale), zoned: head.at }),
    ...(head.instrument ? [t('calendar.instrument', { instrument: head.instrument })] : []),
  ]
  return [
    `UID:${head.uid}`,
    `DTSTAMP:${stamp}`,
    dtstart(head, zone, zones),
    `SEQUENCE:${head.sequence}`,
    ...(head.cancelled ? ['STATUS:CANCELLED'] : []),
    text('SUMMARY', t('calendar.summary', { kind: t(`eventKind.${head.kind}`), title: head.title })),
    text('DESCRIPTION', description.join('\n')),
    'TRANSP:TRANSPARENT',
    `LAST-MODIFIED:${stamp}`,
  ]
}

/**
 * The first moment after `nowMs` at which one of the file's alarms passes — from then on a new
 * file leaves it out — or null. A file kept for subscribers is rewritten then (core/calendar-file.ts).
 */
export function nextAlarmPassesMs(measures: readonly CalendarMeasure[], leadDays: readonly number[], nowMs: number): number | null {
  const leads = normalizeLeadDays(leadDays)
  let next = Infinity
  for (const measure of measures) {
    for (const transition of measure.transitions) {
      if (transition.atMs <= nowMs) continue
      for (const lead of leads) {
        const dueMs = reminderDueAtMs(transition, lead)
        if (dueMs > nowMs && dueMs < next) next = dueMs
      }
    }
  }
  return next === Infinity ? null : next
}

/** Why a cancelled event went, for its description. */
function cancelReason(gone: CancelledTransition, { locale, t }: Writer): string {
  if (gone.reason !== 'superseded') return t(`calendar.cancelled.${gone.reason}`)
  if (gone.movedTo === null) return t('calendar.cancelled.supersededOpen')
  return t('calendar.cancelled.superseded', { at: formatInstant(epochMs(gone.movedTo), zoneOf(gone.movedTo), locale) })
}

export function calendarFor(
  measures: readonly CalendarMeasure[],
  options: CalendarOptions,
  cancelled: readonly CancelledTransition[] = [],
): string {
  return [...calendarChunks(measures, options, cancelled)].join('')
}

/** Folded lines, each ended by CRLF, as text: one chunk of the file. */
const chunkOf = (lines: readonly string[]) => `${lines.map(foldLine).join('\r\n')}\r\n`

/**
 * Which years each zone must cover: every event, and every alarm before it (cancelled events have
 * no alarms). Only two instants per zone, so a file of any size can know them before its head is
 * written, from a first pass over its measures (core/service/calendar.ts).
 */
export class ZoneSpans {
  private readonly spans = new Map<string, { fromMs: number; toMs: number }>()
  private readonly maxLeadMs: number
  constructor(leadDays: readonly number[]) {
    this.maxLeadMs = (Math.max(0, ...normalizeLeadDays(leadDays)) + 1) * DAY_MS
  }
  /** A live transition: it and its earliest alarm. */
  coverLive(transition: Pick<Transition, 'at' | 'atMs'>): void {
    this.cover(transition, this.maxLeadMs)
  }
  cover(transition: Pick<Transition, 'at' | 'atMs'>, leadMs: number): void {
    const zone = zoneOf(transition.at)
    if (isUtcLike(zone)) return
    const span = this.spans.get(zone)
    const fromMs = transition.atMs - leadMs
    if (!span) this.spans.set(zone, { fromMs, toMs: transition.atMs })
    else {
      span.fromMs = Math.min(span.fromMs, fromMs)
      span.toMs = Math.max(span.toMs, transition.atMs)
    }
  }
  /** Each zone's VTIMEZONE and repeated hours, by zone name. */
  zones(): Map<string, ZoneInfo> {
    return new Map([...this.spans].sort(([a], [b]) => (a < b ? -1 : 1)).map(([zone, span]) => [zone, zoneInfo(zone, span)]))
  }
}

/**
 * The same file in chunks (the head with its time zones, then each measure's events, each
 * cancelled event, the end), for a file of any size: 100,000 measures make more text than one
 * string may hold. `written.events` counts the VEVENTs as they go.
 */
export function* calendarChunks(
  measures: readonly CalendarMeasure[],
  options: CalendarOptions,
  cancelled: readonly CancelledTransition[] = [],
  written = { events: 0 },
): Generator<string, void, undefined> {
  const spans = new ZoneSpans(options.leadDays)
  for (const measure of measures) for (const transition of measure.transitions) spans.coverLive(transition)
  yield* spannedCalendarChunks(spans, measures, options, cancelled, written)
}

/**
 * calendarChunks when the zones' spans are known before the measures (`spans` has every live
 * transition of `measures` covered; the cancelled ones are added here): the measures may then be
 * an iterable that makes them a few at a time, so memory does not grow with the calendar.
 */
export function* spannedCalendarChunks(
  spans: ZoneSpans,
  measures: Iterable<CalendarMeasure>,
  options: CalendarOptions,
  cancelled: readonly CancelledTransition[] = [],
  written = { events: 0 },
): Generator<string, void, undefined> {
  const { locale, nowMs } = options
  const leads = normalizeLeadDays(options.leadDays).reverse()
  const writer = writerFor(locale)
  const { t, text } = writer

  for (const gone of cancelled) spans.cover(gone, 0)
  const zones = spans.zones()

  const product = options.productId ?? PRODUCT
  const name = options.name ?? t('calendar.name')
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${product.company}//${product.product}//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
  ]
  for (const info of zones.values()) lines.push(...info.lines)
  yield chunkOf(lines)

  for (const measure of measures) {
    lines.length = 0
    const title = localizedText(measure.title, locale)
    const stampMs = Date.parse(measure.updatedAt)
    const sequence = measureSequence(measure)
    for (const transition of measure.transitions) {
      const rate = transition.kind === 'rate_step' && transition.rateState ? rateText(transition.rateState, locale) : null
      const about = [
        t('calendar.statusFrom', {
          status: transition.rateState ? statusText(transition.rateState, locale, t) : t(`status.${transition.status}`),
        }),
        ...(rate !== null ? [t('calendar.newRate', { rate })] : []),
      ]
      const head = {
        ...transition,
        uid: eventUid(measure.id, transition),
        measureId: measure.id,
        title,
        instrument: measure.instrument ?? '',
        about,
        stampMs,
        sequence,
        cancelled: false,
      }
      lines.push('BEGIN:VEVENT', ...eventHeadLines(head, writer, zones))
      if (transition.atMs > nowMs) {
        for (const lead of leads) {
          if (!reminderDueAfter(transition, lead, nowMs)) continue
          const phrase = reminderPhrase(transition.kind, lead === 0 ? { unit: 'now' } : { unit: 'days', count: lead }, locale)
          lines.push(
            'BEGIN:VALARM',
            'ACTION:DISPLAY',
            `TRIGGER:${lead === 0 ? 'PT0S' : `-P${lead}D`}`,
            text('DESCRIPTION', `${phrase} — ${title}`),
            'END:VALARM',
          )
        }
      }
      lines.push('END:VEVENT')
      written.events++
    }
    if (lines.length > 0) yield chunkOf(lines)
  }
  // Same UID, DTSTART and summary as when they were live; STATUS:CANCELLED and no alarm.
  for (const gone of cancelled) {
    const head = {
      ...gone,
      title: localizedText(gone.title, locale),
      about: [cancelReason(gone, writer)],
      stampMs: Date.parse(gone.cancelledAt),
      cancelled: true,
    }
    yield chunkOf(['BEGIN:VEVENT', ...eventHeadLines(head, writer, zones), 'END:VEVENT'])
    written.events++
  }
  yield chunkOf(['END:VCALENDAR'])
}
