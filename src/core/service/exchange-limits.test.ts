// exchange.import as every host calls it (IPC and HTTP hand the service a parsed value): a file
// whose every measure is invalid gets one bounded VALIDATION answer and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore()
})
afterEach(() => temp.cleanup())

describe('exchange.import with a hostile file', () => {
  it('answers VALIDATION with the first 100 problems and says there are more; nothing is written', () => {
    const before = temp.store.core.call('exchange.export', {})
    const measures = Array.from({ length: 50_000 }, (_, i) => ({ id: `X${i}`, title: 1, imposer: 'ZZ', events: [{}, {}] }))
    const result = temp.store.core.call('exchange.import', { file: { format: 'measure-tracker', version: 2, measures } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details?.issues).toHaveLength(100)
    expect(result.error.message).toMatch(
      /^The file is not a valid Measure Tracker export: measures\[0\]\.title: .*\(and more: checking stopped after the first 100 problems, at measures\[\d+\]\)$/,
    )
    const after = temp.store.core.call('exchange.export', {})
    expect(after.ok && before.ok && after.value.measures).toEqual(before.ok && before.value.measures)
  })
})
