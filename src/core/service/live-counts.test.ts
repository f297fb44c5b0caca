// meta.info's count and measures.facets read the store's indexes (migration 10), not the measures
// themselves: whatever is deleted, they must say what measures.list — the engine's full answer — says.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import type { MeasureFacets, MeasureSummary } from '../../shared/api-views.ts'

let temp: TempStore
const call = (method: string, input: unknown) => value(temp.store.core.call(method, input))

// Parties and tags a few measures alone carry, so deleting them can make a facet value leave.
const RARE: Record<string, { imposer?: string; target?: string; tags?: string[] }> = {
  'm-0': { imposer: 'GB' },
  'm-1': { imposer: 'GB', tags: ['rare'] },
  'm-2': { target: 'IN' },
  'm-3': { tags: ['rare', 'alone'] },
  'm-4': { tags: ['rare'] },
}

beforeAll(async () => {
  temp = await openTempStore({ seed: true })
  const file = generateExchangeFile(240)
  file.measures = file.measures.map((measure) => {
    const rare = RARE[measure.id]
    return rare ? { ...measure, ...rare, tags: [...(measure.tags ?? []), ...(rare.tags ?? [])] } : measure
  })
  call('exchange.import', { file })
})
afterAll(() => temp.cleanup())

/** What the board's count and filter choices should be: read off the full list. */
function fromList(): { count: number; facets: MeasureFacets } {
  const rows = call('measures.list', {}) as MeasureSummary[]
  const distinct = (values: string[]) => [...new Set(values)].sort()
  return {
    count: rows.length,
    facets: {
      imposers: distinct(rows.map((row) => row.imposer)),
      targets: distinct(rows.map((row) => row.target)),
      tags: distinct(rows.flatMap((row) => row.tags)),
    },
  }
}

function fromStore(): { count: number; facets: MeasureFacets } {
  const facets = call('measures.facets', {}) as MeasureFacets
  return {
    count: (call('meta.info', {}) as { measureCount: number }).measureCount,
    facets: { imposers: [...facets.imposers].sort(), targets: [...facets.targets].sort(), tags: [...facets.tags].sort() },
  }
}

describe('the live count and the facets', () => {
  it('equal what measures.list says, whichever measures are deleted, and again once they are restored', () => {
    const ids = (call('measures.list', {}) as MeasureSummary[]).map((row) => row.id)
    const rareIds = Object.keys(RARE)
    const others = ids.filter((id) => !rareIds.includes(id))
    const deletions = fc.tuple(fc.subarray(rareIds), fc.subarray(others, { maxLength: 12 })).map(([rare, other]) => [...rare, ...other])
    fc.assert(
      fc.property(deletions, (deleted) => {
        for (const id of deleted) call('measures.delete', { id })
        const afterDeletion = fromStore()
        expect(afterDeletion).toEqual(fromList())
        expect(afterDeletion.count).toBe(ids.length - deleted.length)
        for (const id of deleted) call('measures.restore', { id })
        expect(fromStore()).toEqual(fromList())
      }),
      { numRuns: 10 },
    )
  })

  it('leave out a party or tag only deleted measures carry, and keep one a live measure shares', () => {
    for (const id of ['m-0', 'm-1', 'm-2', 'm-3']) call('measures.delete', { id })
    try {
      const { facets } = fromStore()
      expect(facets.imposers).not.toContain('GB')
      expect(facets.targets).not.toContain('IN')
      expect(facets.tags).not.toContain('alone')
      expect(facets.tags).toContain('rare') // m-4 is live
    } finally {
      for (const id of ['m-0', 'm-1', 'm-2', 'm-3']) call('measures.restore', { id })
    }
    expect(fromStore().facets.imposers).toContain('GB')
  })
})
