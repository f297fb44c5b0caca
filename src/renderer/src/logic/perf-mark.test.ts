import { afterEach, describe, expect, it } from 'vitest'
import { replaceMark } from './perf-mark.ts'

describe('replaceMark', () => {
  afterEach(() => performance.clearMarks())

  it('keeps one mark per name however often it is set', () => {
    for (let load = 0; load < 50; load++) replaceMark('mt:test-board-data')
    expect(performance.getEntriesByName('mt:test-board-data')).toHaveLength(1)
  })

  it('the mark left is the latest one', () => {
    replaceMark('mt:test-latest')
    const first = performance.getEntriesByName('mt:test-latest')[0]!.startTime
    replaceMark('mt:test-latest')
    const marks = performance.getEntriesByName('mt:test-latest')
    expect(marks).toHaveLength(1)
    expect(marks[0]!.startTime).toBeGreaterThanOrEqual(first)
  })

  it('leaves marks of other names alone', () => {
    performance.mark('mt:test-other')
    replaceMark('mt:test-mine')
    expect(performance.getEntriesByName('mt:test-other')).toHaveLength(1)
  })
})
