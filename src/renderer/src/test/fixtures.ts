// Test data shaped like the service's answers.
import type { MeasureSummary } from '../../../shared/api-views.ts'
import type { MeasureLink, Status, TransitionKind } from '../../../shared/domain.ts'
import { epochMs } from '../../../shared/time.ts'

export function summary(
  id: string,
  options: Partial<Omit<MeasureSummary, 'next' | 'reviewReason'>> & {
    next?: { kind: TransitionKind; at: string } | null
    reviewReason?: { kind: TransitionKind; at: string } | null
    counter?: string[]
  } = {},
): MeasureSummary {
  const { next, reviewReason, counter, ...rest } = options
  const links: MeasureLink[] = rest.links ?? (counter ?? []).map((targetId) => ({ targetId, relation: 'counter' }))
  return {
    id,
    title: { en: `Title ${id}` },
    shortName: '',
    imposer: 'US',
    target: 'CN',
    category: 'tariff',
    instrument: '',
    translations: {},
    tags: [],
    hasDateConflict: false,
    noteCount: 0,
    deletedAt: null,
    status: 'in_force' as Status,
    since: null,
    needsReview: Boolean(reviewReason),
    rate: null,
    scope: '',
    suspendedUntil: null,
    rateValue: null,
    rateInEffect: null,
    suspendedPart: null,
    commitment: null,
    ...rest,
    links,
    next: next ? { kind: next.kind, at: next.at, atMs: epochMs(next.at), eventId: `${id}-next` } : null,
    reviewReason: reviewReason
      ? { kind: reviewReason.kind, at: reviewReason.at, atMs: epochMs(reviewReason.at), eventId: `${id}-r` }
      : null,
  }
}

/** The reciprocal-tariff shape of issue 10: 34% with 24 points suspended, 10% in effect. */
export const PARTLY_SUSPENDED = {
  status: 'partly_suspended' as Status,
  rate: '34%',
  rateValue: { value: 34, unit: 'percent' as const },
  rateInEffect: { value: 10, unit: 'percent' as const },
  suspendedPart: { rate: 24, scope: null },
}

export const PARTLY_SUSPENDED_TEXT = {
  en: 'Partly suspended — 10% in effect (34%, 24 points suspended)',
} as const
