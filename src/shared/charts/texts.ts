// The charts' words in the reader's language, from the shared messages: labels, the one-line
// explanation of the rate chart and the accessible text of every bar and marker, with its
// instants in the reader's zone and, where it differs, the legal zone.
import type { Locale, RateValue } from '../domain.ts'
import { formatInstant, zoneOf } from '../format.ts'
import { pluralKey, formatCount } from '../i18n/plural.ts'
import type { Translate } from '../i18n/translate.ts'
import { regionName } from '../parties.ts'
import { formatRateValue } from '../rate.ts'
import type { RateSeries } from './model.ts'
import type { RateText } from './rate-svg.ts'
import type { TimelineText } from './timeline-svg.ts'

export interface ChartTextOptions {
  t: Translate
  locale: Locale
  /** The reader's zone (the app's setting, the report's zone). */
  zone: string
  /** A measure's title as the reader sees it. */
  title(id: string): string
}

/** "9 Apr 2025, 04:01 UTC (legal time: 9 Apr 2025, 00:01 EDT)"; the legal part only where it differs. */
export function instantText(o: Pick<ChartTextOptions, 't' | 'locale' | 'zone'>, atMs: number, at: string | null): string {
  const own = formatInstant(atMs, o.zone, o.locale)
  if (at === null) return own
  const legal = formatInstant(atMs, zoneOf(at), o.locale)
  return legal === own ? own : o.t('charts.instantWithLegal', { instant: own, legal })
}

/** "United States → China". */
export function directionText(imposer: string, target: string, locale: Locale): string {
  return `${regionName(imposer, locale)} → ${regionName(target, locale)}`
}

/** Remembers a text by its key: bars and markers keep their words while the view zooms and pans. */
function memo<F extends (...args: never[]) => string>(keyOf: (...args: Parameters<F>) => string, make: F): F {
  const cache = new Map<string, string>()
  return ((...args: Parameters<F>) => {
    const key = keyOf(...args)
    let text = cache.get(key)
    if (text === undefined) {
      if (cache.size > 100_000) cache.clear()
      cache.set(key, (text = make(...args)))
    }
    return text
  }) as F
}

export function timelineText(o: ChartTextOptions): TimelineText {
  const { t } = o
  return {
    title: t('charts.timelineTitle'),
    lane: o.title,
    group: (label, count) => t('charts.group', { label, count: formatCount(o.locale, count) }),
    status: (status) => t(`status.${status}`),
    marker: (kind) => t(`eventKind.${kind}`),
    now: t('charts.now'),
    asOf: t('charts.asOf'),
    legendEvent: t('charts.legendEvent'),
    legendLapsed: t('charts.legendLapsed'),
    describeSegment: memo<TimelineText['describeSegment']>(
      (id, status, fromMs, toMs) => `${id}|${status}|${fromMs}|${toMs}`,
      (id, status, fromMs, toMs, from, to) =>
        t('charts.segment', {
          lane: o.title(id),
          status: t(`status.${status}`),
          from: from === null ? t('charts.beforeChart') : instantText(o, fromMs, from),
          to: to === null ? t('charts.afterChart') : instantText(o, toMs, to),
        }),
    ),
    describeMarker: memo<TimelineText['describeMarker']>(
      (id, kind, atMs, at, lapsed) => `${id}|${kind}|${at}|${lapsed}`,
      (id, kind, atMs, at, lapsed) =>
        t(lapsed ? 'charts.lapsedMarker' : 'charts.marker', {
          lane: o.title(id),
          kind: t(`eventKind.${kind}`),
          at: instantText(o, atMs, at),
        }),
    ),
  }
}

/** A rate not summed: its number in its unit, else its text, else "no rate". */
export function unsummedRateText(rate: RateValue | null, text: string | null, o: Pick<ChartTextOptions, 't' | 'locale'>): string {
  if (rate !== null) return formatRateValue(rate, o.locale)
  return text ?? o.t('charts.noRate')
}

export function rateText(o: ChartTextOptions, series: RateSeries): RateText {
  const { t } = o
  const unsummed = new Map(series.unsummed.map((u) => [u.id, u]))
  return {
    title: t('charts.rateTitle', { direction: directionText(series.imposer, series.target, o.locale) }),
    explanation: t('charts.rateExplanation'),
    lane: o.title,
    others: (count) => t(pluralKey(o.locale, 'charts.others', count), { count: formatCount(o.locale, count) }),
    total: t('charts.total'),
    unsummedTitle: t('charts.unsummedTitle'),
    unsummed: (id) => {
      const u = unsummed.get(id)
      return t('charts.unsummed', { lane: o.title(id), rate: u ? unsummedRateText(u.rate, u.rateText, o) : t('charts.noRate') })
    },
    now: t('charts.now'),
    asOf: t('charts.asOf'),
  }
}
