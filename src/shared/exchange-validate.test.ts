// Bounded validation of an exchange value, the path every host uses (CLI, IPC, HTTP): however
// many problems a file has, at most 100 are kept and the answer says how many more there are.
import { describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../bench/generate.ts'
import { MAX_IMPORT_ISSUES, describeInvalidFile, validateExchangeFile } from './exchange-validate.ts'
import { formatIssuePath } from './result.ts'

const header = { format: 'measure-tracker', version: 2 }

function refused(data: unknown) {
  const result = validateExchangeFile(data)
  if (result.ok) throw new Error('expected a refusal')
  return result
}

describe('validateExchangeFile', () => {
  it('accepts a valid file and gives the same measures as the whole-file schema', () => {
    const file = generateExchangeFile(50)
    const result = validateExchangeFile(file)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.file.measures.map((m) => m.id)).toEqual(file.measures.map((m) => m.id))
  })

  it('keeps the first 100 problems of a file whose every measure is invalid, and says checking stopped', () => {
    const measures = Array.from({ length: 100_000 }, (_, i) => ({ id: `X${i}`, title: 1, events: [1] }))
    const result = refused({ ...header, measures })
    expect(result.issues).toHaveLength(MAX_IMPORT_ISSUES)
    expect(result.issues[0]?.path).toEqual(['measures', 0, 'title'])
    expect(result.stoppedAt).toBeGreaterThan(0)
    expect(describeInvalidFile(result, formatIssuePath)).toMatch(
      /\(and more: checking stopped after the first 100 problems, at measures\[\d+\]\)$/,
    )
  })

  it('refuses more measures than the limit with one problem, without validating any', () => {
    const result = refused({ ...header, measures: Array(100_001).fill({}) })
    expect(result.issues).toEqual([
      { path: ['measures'], message: 'has 100001 measures; the limit is 100000. Split the file and import the parts one after another' },
    ])
  })

  it('refuses a measure with a list longer than any the format has, before the schema walks it', () => {
    const result = refused({ ...header, measures: [{ id: 'a', events: Array(1_000_000).fill({}) }] })
    expect(result.issues).toEqual([
      { path: ['measures', 0, 'events'], message: 'has 1000000 entries; no list in a measure may have more than 2000' },
    ])
  })

  it('counts the cross-check problems past the first 100 without keeping them', () => {
    const file = generateExchangeFile(1000)
    for (const measure of file.measures) measure.links = [{ targetId: 'nowhere', relation: 'counter' }]
    const result = refused(file)
    expect(result.issues).toHaveLength(MAX_IMPORT_ISSUES)
    expect(result.more).toBe(900)
    expect(result.stoppedAt).toBeNull()
    expect(describeInvalidFile(result, formatIssuePath)).toMatch(/\(and 995 more\)$/)
  })

  it('answers a file of another format with that one problem, not its measures', () => {
    const result = refused({ format: 'other', version: 2, measures: [{}, {}] })
    expect(result.issues.map((i) => i.path)).toEqual([['format']])
  })
})
