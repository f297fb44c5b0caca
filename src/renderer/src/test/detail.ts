// A measure as the measure page receives it.
import type { MeasureDetail } from '../../../shared/api-views.ts'
import { epochMs } from '../../../shared/time.ts'

export function measureDetail(overrides: Partial<MeasureDetail> = {}): MeasureDetail {
  const suspendedAt = '2025-11-10T00:01:00-05:00[America/New_York]'
  const until = '2026-11-10T00:01:00-05:00[America/New_York]'
  return {
    id: 'us-ships',
    title: { en: 'Section 301 port fees', 'zh-Hans': '301 条款港口费' },
    shortName: 'Port fees',
    imposer: 'US',
    target: 'CN',
    category: 'port_fee',
    authority: 'USTR',
    instrument: 'Section 301 action',
    instrumentNumber: '90 FR 17114',
    scope: 'Annex I–III fees',
    rate: null,
    tags: ['ships', 'truce'],
    summary: 'Fees on Chinese-built vessels.',
    events: [
      { id: 'e1', kind: 'effective', at: '2025-10-14T00:01:00-04:00[America/New_York]', until: null, scheduled: false, rate: null, scope: null, sourceIds: ['s1'], note: '', alternatives: [], rateValue: null, part: null, whenSuspended: null },
      {
        id: 'e2',
        kind: 'suspended',
        at: suspendedAt,
        until,
        scheduled: false,
        rate: null,
        scope: null,
        sourceIds: ['s2'],
        note: 'One year',
        alternatives: [{ field: 'until', value: '2026-11-09T23:59:00-05:00[America/New_York]', sourceIds: ['s1'], note: 'through 9 Nov' }],
        rateValue: null,
        part: null,
        whenSuspended: null,
      },
    ],
    sources: [
      { id: 's1', url: 'https://example.org/a', title: 'Law firm alert', publisher: 'Firm', date: '2025-11-12', confidence: 'secondary' },
      { id: 's2', url: 'https://example.gov/b', title: 'Federal Register notice', publisher: 'USTR', date: null, confidence: 'official' },
    ],
    links: [{ targetId: 'cn-ports', relation: 'counter' }],
    notes: [],
    rateValue: null,
    commitment: null,
    progress: [],
    state: {
      status: 'suspended',
      since: suspendedAt,
      next: { kind: 'suspension_end', at: until, atMs: epochMs(until), eventId: 'e2' },
      needsReview: false,
      reviewReason: null,
      rate: null,
      scope: 'Annex I–III fees',
      suspendedUntil: until,
      rateValue: null,
      rateInEffect: null,
      suspendedPart: null,
      commitment: null,
    },
    transitions: [
      { kind: 'effective', at: '2025-10-14T00:01:00-04:00[America/New_York]', eventId: 'e1' },
      { kind: 'suspended', at: suspendedAt, eventId: 'e2' },
      { kind: 'suspension_end', at: until, eventId: 'e2' },
    ],
    history: [{ id: 7, at: '2026-01-02T03:04:05Z', actor: 'cli:alice', action: 'measures.update', measureId: 'us-ships', before: null, after: null }],
    deletedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T03:04:05Z',
    ...overrides,
  }
}
