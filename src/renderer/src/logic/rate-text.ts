// The rate words every view shows beside a status ("10% in effect (34%, 24 points suspended)"),
// from the shared helpers (src/shared/rate.ts) so the page, command line, report and calendar
// say the same thing. Computed once per row and language, never per clock tick.
import type { Locale, MeasureStatus, RateValue, StepPolicy } from '../../../shared/domain.ts'
import { translator } from '../../../shared/i18n/translate.ts'
import { formatRateValue, formatSuspendedRate, partialSuspensionText, rateText } from '../../../shared/rate.ts'

export type RateState = Pick<MeasureStatus, 'status' | 'rate' | 'rateValue' | 'rateInEffect' | 'suspendedPart'>

/** What a partly suspended measure leaves in effect, or null for any other status. */
export function partialText(state: RateState, locale: Locale): string | null {
  return partialSuspensionText(state, locale, translator(locale))
}

/** The full rate: its text, else its number; null when neither is known. */
export function fullRateText(state: Pick<MeasureStatus, 'rate' | 'rateValue'>, locale: Locale): string | null {
  return rateText(state, locale)
}

export function rateValueText(rate: RateValue | null, locale: Locale): string | null {
  return rate === null ? null : formatRateValue(rate, locale)
}

/** A rate step's policy; null (not given) means 'apply', as the engine reads it. */
export function stepPolicy(policy: StepPolicy | null | undefined): StepPolicy {
  return policy ?? 'apply'
}

/** The rate an event sets, as written: its text, else its number. */
export function eventRateText(event: { rate: string | null; rateValue: RateValue | null }, locale: Locale): string | null {
  return rateText(event, locale)
}

/** The suspended part of a rate in its unit ("24 points", "USD 30"), or the bare number when the unit is unknown. */
export function suspendedAmountText(amount: number, full: RateValue | null, locale: Locale): string {
  if (full === null) return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(amount)
  return formatSuspendedRate(amount, full, locale, translator(locale))
}
