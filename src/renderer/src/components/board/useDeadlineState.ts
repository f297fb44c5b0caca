// A board row's deadline state (shared/deadline.ts) against the page's clock, and the words for a
// lapse ("Suspension ended Nov 10, 2026", the date in the legal zone). Shared by the table row and
// the counter-measure pair entry.
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { MeasureSummary } from '../../../../shared/api-views.ts'
import type { Locale } from '../../../../shared/domain.ts'
import { deadlineState, type DeadlineState } from '../../../../shared/deadline.ts'
import { formatDate } from '../../../../shared/format.ts'
import type { Translate } from '../../../../shared/i18n/translate.ts'
import { useClockStore } from '../../stores/clock.ts'

export function useDeadlineState(row: () => MeasureSummary): { state: ComputedRef<DeadlineState>; lapsedText: ComputedRef<string> } {
  const { t, locale } = useI18n()
  const clock = useClockStore()
  // Whether the next transition is already behind the clock (the list reloads then, in live mode):
  // a boolean computed, so a tick reaches the row only when it flips.
  const nextPassed = computed(() => row().next !== null && row().next!.atMs <= clock.reference)
  const state = computed(() => deadlineState(row(), nextPassed.value ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY))
  const lapsedText = computed(() => lapsedWords(state.value, t, locale.value as Locale))
  return { state, lapsedText }
}

/** "Suspension ended Nov 10, 2026" (the date in the legal zone) for a lapsed state; '' otherwise. */
export function lapsedWords(s: DeadlineState, t: Translate, locale: Locale): string {
  if (s.kind !== 'lapsed') return ''
  const date = formatDate(s.transition.atMs, s.zone, locale)
  return s.transition.kind === 'suspension_end'
    ? t('board.deadline.lapsedSuspension', { date })
    : t('board.deadline.lapsedOther', { kind: t(`eventKind.${s.transition.kind}`), date })
}
