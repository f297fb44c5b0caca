// The facets are sought value by value while they are few and scanned past a bound
// (live-facets.ts): with more pairs of parties and more tags than the bound, and any measures
// deleted, they must still be exactly the live measures' distinct parties and tags.
import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import type { MeasureFacets } from '../../shared/api-views.ts'
import { PARTY_CODES } from '../../shared/parties.ts'
import { facetsOfStore } from './live-facets.ts'

const COUNT = 1_500
const CODES = [...PARTY_CODES]
// Every party imposes; each measure a different target (never the imposer): over 1,000 pairs.
const imposerOf = (i: number) => CODES[i % CODES.length]!
const targetOf = (i: number) => CODES[(i + 1 + ((i * 13) % (CODES.length - 1))) % CODES.length]!
let temp: TempStore
let db: DatabaseSync

beforeAll(async () => {
  temp = await openTempStore({ seed: false })
  const file = generateExchangeFile(COUNT)
  file.measures = file.measures.map((measure, i) => ({
    ...measure,
    imposer: imposerOf(i),
    target: targetOf(i),
    tags: [...(measure.tags ?? []), `topic-${i % 700}`],
    links: [],
  }))
  value(temp.store.core.call('exchange.import', { file }))
  db = new DatabaseSync(temp.path)
})
afterAll(() => {
  db.close()
  temp.cleanup()
})

const column = (sql: string) => (db.prepare(sql).all() as Record<string, string>[]).map((row) => Object.values(row)[0]!).sort()
/** The facets' definition, read the plain way (every row). */
const expected = (): MeasureFacets => ({
  imposers: column('SELECT DISTINCT imposer FROM measures WHERE deleted_at IS NULL'),
  targets: column('SELECT DISTINCT target FROM measures WHERE deleted_at IS NULL'),
  tags: column('SELECT DISTINCT t.tag FROM measure_tags t JOIN measures m ON m.id = t.measure_id WHERE m.deleted_at IS NULL'),
})
const sorted = (facets: MeasureFacets): MeasureFacets => ({
  imposers: [...facets.imposers].sort(),
  targets: [...facets.targets].sort(),
  tags: [...facets.tags].sort(),
})

function deleteOnly(ids: readonly string[]): void {
  db.exec('BEGIN')
  db.prepare('UPDATE measures SET deleted_at = NULL WHERE deleted_at IS NOT NULL').run()
  db.prepare("UPDATE measures SET deleted_at = '2026-12-05T00:00:00.000Z' WHERE id IN (SELECT value FROM json_each(?))").run(
    JSON.stringify(ids),
  )
  db.exec('COMMIT')
}

describe('facets of a store with many parties and tags', () => {
  it('are the live measures’ distinct parties and tags, whichever measures are deleted', () => {
    const ids = Array.from({ length: COUNT }, (_, i) => `m-${i}`)
    const ofParties = (partyOf: (i: number) => string) => (codes: readonly string[]) => ids.filter((_, i) => codes.includes(partyOf(i)))
    const deletions = fc.oneof(
      fc.constant([]),
      fc.subarray(ids, { maxLength: 60 }),
      // Every measure some parties impose, or that targets them: they leave the facets (and tags only those measures carry).
      fc.subarray(CODES, { minLength: 1, maxLength: 8 }).map(ofParties(imposerOf)),
      fc.subarray(CODES, { minLength: 1, maxLength: 8 }).map(ofParties(targetOf)),
      // Nearly everything: more deleted measures than tags.
      fc.subarray(ids, { maxLength: 40 }).map((kept) => ids.filter((id) => !kept.includes(id))),
    )
    fc.assert(
      fc.property(deletions, (deleted) => {
        deleteOnly(deleted)
        const facets = sorted(facetsOfStore(db))
        expect(facets).toEqual(expected())
      }),
      { numRuns: 30 },
    )
    // The bounds were passed: more than 500 pairs of parties and tags.
    deleteOnly([])
    expect(column('SELECT DISTINCT imposer || target FROM measures').length).toBeGreaterThan(500)
    expect(facetsOfStore(db).tags.length).toBeGreaterThan(500)
  })
})
