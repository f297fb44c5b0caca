// A commitment's progress and outcome as one line people read, in their language:
// "12.1 of 25 million tonnes (as of 30 Jun 2026) — Pending". Pure: command line, reports, renderer.
import type { CommitmentState, Locale } from './domain.ts'
import { formatDate, zoneOf } from './format.ts'
import type { Translate } from './i18n/translate.ts'
import { localizedText } from './localized.ts'

const numberFormats = new Map<Locale, Intl.NumberFormat>()

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

/** "12.1 of 25 million tonnes (as of 30 Jun 2026)", or "no progress recorded (target 25 million tonnes)". */
export function commitmentProgressText(state: CommitmentState, locale: Locale, t: Translate): string {
  const unit = localizedText(state.unit, locale)
  const target = formatNumber(state.target, locale)
  if (state.progress === null || state.progressAsOf === null) return t('commitment.noProgress', { target, unit })
  // The as-of date on the legal wall clock of the figure it was recorded in.
  const asOf = formatDate(Date.parse(state.progressAsOf.slice(0, state.progressAsOf.indexOf('['))), zoneOf(state.progressAsOf), locale)
  return t('commitment.progress', { progress: formatNumber(state.progress, locale), target, unit, asOf })
}

/** Progress and outcome: "12.1 of 25 million tonnes (as of 30 Jun 2026) — Pending". */
export function commitmentText(state: CommitmentState, locale: Locale, t: Translate): string {
  return t('commitment.line', { progress: commitmentProgressText(state, locale, t), outcome: t(`commitment.outcome.${state.outcome}`) })
}
