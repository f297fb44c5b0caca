// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { fakeService, harness } from '../test/harness.ts'
import { summary } from '../test/fixtures.ts'
import { useBoardStore } from './board.ts'

describe('board store', () => {
  afterEach(() => performance.clearMarks())

  it('leaves one benchmark mark however often the board reloads', async () => {
    harness({ service: fakeService({ 'measures.list': () => [summary('a')] }) })
    const board = useBoardStore()
    for (let load = 0; load < 20; load++) await board.load()
    expect(performance.getEntriesByName('mt:board-data')).toHaveLength(1)
  })
})
