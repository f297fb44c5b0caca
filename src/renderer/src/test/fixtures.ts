// Test data shaped like the service's answers.
import type { MeasureSummary } from '../../../shared/api.ts'
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
    reviewReason: reviewReason ? { kind: reviewReason.kind, at: reviewReason.at, atMs: epochMs(reviewReason.at), eventId: `${id}-r` } : null,
  }
}
