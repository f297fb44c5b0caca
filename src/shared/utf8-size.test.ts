import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { fitsUtf8Bytes, utf8ByteLength } from './utf8-size.ts'

describe('utf8ByteLength', () => {
  // Node's own count is the oracle: the rule lives in src/shared, where Buffer is not available.
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['措施', 6],
    ['😀', 4],
    ['a😀b', 6],
    ['\ud800', 3],
    ['\udc00x', 4],
    ['\ud83d\ud83d\ude00', 7],
    ['\u07ff\u0800\uffff', 8],
  ])('%j is %i bytes, as Node counts', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes)
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })
})

describe('fitsUtf8Bytes', () => {
  it('decides at the exact byte', () => {
    expect(fitsUtf8Bytes('措'.repeat(4), 12)).toBe(true)
    expect(fitsUtf8Bytes('措'.repeat(4), 11)).toBe(false)
    expect(fitsUtf8Bytes('a'.repeat(12), 12)).toBe(true)
    expect(fitsUtf8Bytes('a'.repeat(13), 12)).toBe(false)
    expect(fitsUtf8Bytes('aé', 3)).toBe(true)
    expect(fitsUtf8Bytes('aé', 2)).toBe(false)
  })
})
