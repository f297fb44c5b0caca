// The raw-bytes scan that runs before JSON.parse on an import file: what it refuses, where it
// says the problem is, and that real exports pass it.
import { describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../bench/generate.ts'
import {
  ExchangeScanner,
  IMPORT_MAX_DEPTH,
  IMPORT_MAX_INNER_ARRAY,
  IMPORT_MAX_KEYS,
  IMPORT_MAX_TEXT,
  scanExchangeBytes,
} from './exchange-scan.ts'

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

describe('ExchangeScanner, per measure (a file read one measure at a time)', () => {
  /** Feeds `text` in chunks of `size` bytes, as a file is read. */
  function scanInChunks(text: string, size: number, budgetBytes?: number) {
    const scanner = new ExchangeScanner({ perMeasure: true, ...(budgetBytes ? { budgetBytes } : {}) })
    const all = bytes(text)
    let problem = null
    for (let at = 0; at < all.length && !problem; at += size) problem = scanner.feed(all.subarray(at, at + size))
    return { problem: problem ?? scanner.end(), spans: scanner.spans, all }
  }

  it('finds each measure’s bytes, whatever the chunks (texts and numbers cut in two included)', () => {
    const text = JSON.stringify(
      { format: 'measure-tracker', version: 3, measures: [{ id: 'a', note: 'é'.repeat(50) }, 12345, 'x'] },
      null,
      2,
    )
    for (const size of [1, 3, 7, 64, 100_000]) {
      const { problem, spans, all } = scanInChunks(text, size)
      expect(problem).toBeNull()
      const measures = spans.starts.map((start, n) => JSON.parse(new TextDecoder().decode(all.subarray(start, spans.ends[n]))))
      expect(measures).toEqual([{ id: 'a', note: 'é'.repeat(50) }, 12345, 'x'])
      expect(String.fromCharCode(all[spans.listStart]!, all[spans.listEnd]!)).toBe('[]')
    }
  })

  it('applies the parse budget to each measure, not to the file: many small measures pass, one large one is named', () => {
    const measure = `{"id":"a","events":[${Array(100).fill('{}').join(',')}]}`
    expect(scanInChunks(`{"measures":[${Array(1000).fill(measure).join(',')}]}`, 4096, 1024 * 1024).problem).toBeNull()
    const large = `{"id":"b","events":[${Array(IMPORT_MAX_INNER_ARRAY).fill('{}').join(',')}]}`
    expect(scanInChunks(`{"measures":[${measure},${large}]}`, 4096, 128 * 1024).problem).toEqual({
      path: ['measures', 1],
      message: 'is too large to import: reading it would take more than 0 MB of memory',
    })
  })

  it('refuses what no single measure shows: a missing or extra comma in the list, and a file cut short', () => {
    expect(scanInChunks('{"measures":[{"id":"a"}{"id":"b"}]}', 5).problem?.message).toBe(
      'is not valid JSON: a comma is missing before measures[1]',
    )
    expect(scanInChunks('{"measures":[{"id":"a"},]}', 5).problem?.message).toBe(
      'is not valid JSON: the list of measures does not end as it should',
    )
    expect(scanInChunks('{"measures":[,{"id":"a"}]}', 5).problem?.message).toBe('is not valid JSON: unexpected "," in the list of measures')
    expect(scanInChunks('{"measures":[{"id":"a"},{"id":"b', 5).problem?.message).toBe(
      'is not valid JSON: the file ends before its JSON does (truncated?)',
    )
  })
})
