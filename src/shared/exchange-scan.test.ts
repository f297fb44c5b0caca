// The raw-bytes scan that runs before JSON.parse on an import file: what it refuses, where it
// says the problem is, and that real exports pass it.
import { describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../bench/generate.ts'
import { IMPORT_MAX_DEPTH, IMPORT_MAX_INNER_ARRAY, IMPORT_MAX_KEYS, IMPORT_MAX_TEXT, scanExchangeBytes } from './exchange-scan.ts'

const bytes = (text: string) => new TextEncoder().encode(text)
const file = (measures: string) => bytes(`{"format":"measure-tracker","version":2,"measures":[${measures}]}`)

describe('scanExchangeBytes', () => {
  it('passes a generated 10,000-measure export, pretty-printed and compact', () => {
    const exported = generateExchangeFile(10_000)
    expect(scanExchangeBytes(bytes(JSON.stringify(exported, null, 2)))).toBeNull()
    expect(scanExchangeBytes(bytes(JSON.stringify(exported)))).toBeNull()
  })

  it('passes text in any script, escaped or not, up to the longest a field takes', () => {
    const long = '措'.repeat(IMPORT_MAX_TEXT)
    expect(scanExchangeBytes(file(JSON.stringify({ id: 'a', summary: long })))).toBeNull()
    expect(scanExchangeBytes(file(`{"id":"a","summary":"${'\\u00e9'.repeat(IMPORT_MAX_TEXT)}"}`))).toBeNull()
  })

  it('refuses more measures than the format allows, naming the list', () => {
    expect(scanExchangeBytes(file(Array(100_001).fill('1').join(',')))).toEqual({
      path: ['measures'],
      message: 'has more than 100000 entries; the limit is 100000',
    })
  })

  it('refuses a list inside a measure longer than any the format has, naming where', () => {
    const events = Array(IMPORT_MAX_INNER_ARRAY + 1)
      .fill('{}')
      .join(',')
    expect(scanExchangeBytes(file(`{"id":"a"},{"id":"b","events":[${events}]}`))).toEqual({
      path: ['measures', 1, 'events'],
      message: `has more than ${IMPORT_MAX_INNER_ARRAY} entries; the limit is ${IMPORT_MAX_INNER_ARRAY}`,
    })
  })

  it('refuses nesting deeper than the format has, before JSON.parse could recurse into it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const problem = scanExchangeBytes(file(`{"id":"a","title":${deep}}`))
    expect(problem?.message).toBe(`is nested more than ${IMPORT_MAX_DEPTH} levels deep`)
    expect(problem?.path.slice(0, 3)).toEqual(['measures', 0, 'title'])
  })

  it('refuses a text longer than any field takes, and an object with too many fields', () => {
    expect(scanExchangeBytes(file(`{"id":"a","note":"${'x'.repeat(IMPORT_MAX_TEXT + 1)}"}`))).toEqual({
      path: ['measures', 0, 'note'],
      message: `is a text longer than ${IMPORT_MAX_TEXT} characters, more than any field takes`,
    })
    const fields = Array.from({ length: IMPORT_MAX_KEYS + 1 }, (_, i) => `"k${i}":0`).join(',')
    expect(scanExchangeBytes(file(`{${fields}}`))).toEqual({ path: ['measures', 0], message: `has more than ${IMPORT_MAX_KEYS} fields` })
  })

  it('refuses a file whose parse would cost more than the budget, telling the person to split it', () => {
    const measure = `{"id":"a","events":[${Array(100).fill('{}').join(',')}]}`
    const problem = scanExchangeBytes(file(Array(1000).fill(measure).join(',')), { budgetBytes: 10 * 1024 * 1024 })
    expect(problem).toEqual({
      path: [],
      message:
        'the file is too large to import at once: reading it would take more than 10 MB of memory. Split it into smaller files and import them one after another',
    })
  })

  it('finds the measures inside an envelope (an HTTP body { "file": … }) and names the place from the body', () => {
    const body = (n: number) => bytes(`{"replace":true,"file":{"format":"measure-tracker","measures":[${Array(n).fill('1').join(',')}]}}`)
    expect(scanExchangeBytes(body(5000), { under: 'file' })).toBeNull()
    expect(scanExchangeBytes(body(100_001), { under: 'file' })).toEqual({
      path: ['file', 'measures'],
      message: 'has more than 100000 entries; the limit is 100000',
    })
    // Without the envelope option the same list is an ordinary inner one.
    expect(scanExchangeBytes(body(5000))?.message).toBe(
      `has more than ${IMPORT_MAX_INNER_ARRAY} entries; the limit is ${IMPORT_MAX_INNER_ARRAY}`,
    )
  })

  it('leaves malformed JSON to JSON.parse, which names the position', () => {
    expect(scanExchangeBytes(bytes('{"format":'))).toBeNull()
    expect(scanExchangeBytes(bytes(']]]'))).toBeNull()
  })
})
