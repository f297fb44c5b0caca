// The embedded dataset's watch terms (issue 16): its US measures published in the Federal Register,
// or made by executive orders, are watched; measures of other parties and the threats that never
// became an instrument are not (the Federal Register publishes only US federal documents).
import { describe, expect, it } from 'vitest'
import dataset from '../../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { parseExchangeFile } from '../service/exchange.ts'
import { federalRegisterQueries } from './federal-register.ts'

const measures = parseExchangeFile(dataset).measures

describe('embedded dataset watch terms', () => {
  it('watches every US measure that has an instrument, and nothing else', () => {
    const watched = measures.filter((m) => m.watch).map((m) => m.id)
    expect(watched).toEqual(measures.filter((m) => m.imposer === 'US' && !m.id.startsWith('us-threatened-')).map((m) => m.id))
  })

  it('each watched measure makes at least one Federal Register request, and none is an agency alone', () => {
    for (const measure of measures.filter((m) => m.watch)) {
      const queries = federalRegisterQueries(measure.watch!)
      expect(queries.length, measure.id).toBeGreaterThan(0)
      for (const query of queries)
        expect(
          query.params.some(([name]) => name !== 'conditions[agencies][]'),
          `${measure.id}: ${query.label}`,
        ).toBe(true)
    }
  })
})
