import { describe, expect, it } from 'vitest'
import { reviewGroups, reviewTotal } from './review-summary.ts'
import { summary } from '../test/fixtures.ts'

describe('reviewGroups', () => {
  it('groups by reason and by the day in the legal zone, newest first', () => {
    const rows = [
      summary('a', { reviewReason: { kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' } }),
      // 13:01 Beijing on 10 Nov is 9 Nov in UTC-5 readers' zones, but the notice says 10 Nov.
      summary('b', { reviewReason: { kind: 'suspension_end', at: '2026-11-10T13:01:00+08:00[Asia/Shanghai]' } }),
      summary('c', { reviewReason: { kind: 'terminated', at: '2026-11-10T00:00:00-05:00[America/New_York]' } }),
      summary('d', { reviewReason: { kind: 'terminated', at: '2026-07-24T00:01:00-04:00[America/New_York]' } }),
      summary('e'),
    ]
    const groups = reviewGroups(rows, 'en')
    expect(groups.map((g) => [g.day, g.kind, g.ids])).toEqual([
      ['2026-11-10', 'suspension_end', ['a', 'b']],
      ['2026-11-10', 'terminated', ['c']],
      ['2026-07-24', 'terminated', ['d']],
    ])
    expect(groups[0]!.date).toBe('Nov 10, 2026')
    expect(reviewGroups(rows, 'zh-Hant')[0]!.date).toBe('2026年11月10日')
    expect(reviewTotal(rows)).toBe(4)
  })
})
