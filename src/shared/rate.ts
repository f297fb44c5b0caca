// Rates as people read them, in their language: the number beside the free text, and what a
// partial suspension leaves in effect ("10% in effect (34%, 24 points suspended)"). Pure: used by
// the command line, reports and calendar, and available to the renderer.
import type { Locale, MeasureStatus, RateValue } from './domain.ts'
import { pluralKey } from './i18n/plural.ts'
import type { Translate } from './i18n/translate.ts'

const numberFormats = new Map<Locale, Intl.NumberFormat>()

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

/** "34%", "USD 80 / net ton". */
export function formatRateValue(rate: RateValue, locale: Locale): string {
  const number = formatNumber(rate.value, locale)
  if (rate.unit === 'percent') return `${number}%`
  return `${rate.currency ?? ''} ${number}${rate.per ? ` / ${rate.per}` : ''}`.trim()
}

/** The suspended part of a rate in its unit: "24 points" for a percentage, "USD 30" for an amount. */
export function formatSuspendedRate(amount: number, full: RateValue, locale: Locale, t: Translate): string {
  if (full.unit === 'percent') return t(pluralKey(locale, 'rate.points', amount), { count: formatNumber(amount, locale) })
  return formatRateValue({ ...full, value: amount, per: undefined }, locale)
}

type RateState = Pick<MeasureStatus, 'status' | 'rate' | 'rateValue' | 'rateInEffect' | 'suspendedPart'>

/**
 * What a partly suspended measure leaves in effect, or null when there is nothing to add to the
 * status (in force at its full rate, wholly suspended, no number known and no scope part).
 */
export function partialSuspensionText(state: RateState, locale: Locale, t: Translate): string | null {
  if (state.status !== 'partly_suspended' || state.suspendedPart === null) return null
  const part = state.suspendedPart
  const texts: string[] = []
  if (part.rate !== null && state.rateValue !== null && state.rateInEffect !== null) {
    // The points actually lifted: never more than the full rate.
    const suspended = state.rateValue.value - state.rateInEffect.value
    texts.push(
      t('rate.inEffect', {
        inEffect: formatRateValue(state.rateInEffect, locale),
        full: formatRateValue(state.rateValue, locale),
        suspended: formatSuspendedRate(suspended, state.rateValue, locale, t),
      }),
    )
  } else if (part.rate !== null) {
    texts.push(t('rate.partSuspendedOf', { suspended: formatNumber(part.rate, locale), full: state.rate ?? '' }))
  }
  if (part.scope !== null) texts.push(t('rate.scopeSuspended', { scope: part.scope }))
  return texts.length > 0 ? texts.join('; ') : null
}

/** "Partly suspended — 10% in effect (34%, 24 points suspended)"; otherwise the status label alone. */
export function statusText(state: RateState, locale: Locale, t: Translate): string {
  const label = t(`status.${state.status}`)
  const partial = partialSuspensionText(state, locale, t)
  return partial === null ? label : `${label} — ${partial}`
}

/** The rate to show: the number when known, else the free text (old data), else null. */
export function rateText(state: Pick<MeasureStatus, 'rate' | 'rateValue'>, locale: Locale): string | null {
  if (state.rate !== null) return state.rate
  return state.rateValue === null ? null : formatRateValue(state.rateValue, locale)
}
