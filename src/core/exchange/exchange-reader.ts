// Reading an exchange file of any size with bounded memory. Two passes over the file, never the
// whole of it in memory: the first scans its bytes in chunks (shared/exchange-scan.ts, per
// measure): the hostile-input bounds (nesting, texts, counts, the parse cost of each measure) and
// where each measure's bytes are; the second reads and parses one measure at a time, so what is
// held is one measure's text and value, whatever the file's size. The fields around the list
// (format, version, name…) are parsed on their own, and a file with no list of measures — not an
// export, or damaged — is parsed whole when it is small, so its problem is named as before.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { ExchangeScanner, describeScanProblem, type MeasureSpans } from '../../shared/exchange-scan.ts'

/** Bytes read at a time by the scan, and by the measure reader's window. */
const CHUNK_BYTES = 1024 * 1024
const WINDOW_BYTES = 8 * 1024 * 1024
/**
 * The most text parsed at once outside the measures: the file's own fields (a few hundred bytes in
 * an export), or a whole file that has no list of measures.
 */
export const EXCHANGE_HEADER_MAX_BYTES = 16 * 1024 * 1024

/** Why a file cannot be read: beyond the bounds (before anything is parsed), or not JSON. */
export class ExchangeFileRefused extends Error {
  readonly reason: 'bounds' | 'json'
  constructor(message: string, reason: 'bounds' | 'json') {
    super(message)
    this.reason = reason
  }
}

export interface ExchangeFileParts {
  /** The file's JSON value with an empty list of measures. */
  header: unknown
  /** How many measures the list holds. */
  count: number
  /** The measures, each parsed when reached; throws ExchangeFileRefused('json') at a damaged one. */
  measures(): Generator<unknown, void, undefined>
}

export type ExchangeFileRead = { whole: unknown } | { parts: ExchangeFileParts }

function readFully(fd: number, buffer: Buffer, length: number, position: number): number {
  let done = 0
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done)
    if (read === 0) break
    done += read
  }
  return done
}

function readRange(fd: number, from: number, to: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, to - from))
  return buffer.subarray(0, readFully(fd, buffer, buffer.length, from))
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ExchangeFileRefused(`${where}${(error as Error).message}`, 'json')
  }
}

/** The first pass: the bounds, and where the measures are. Throws ExchangeFileRefused('bounds'). */
function scanFile(fd: number, under: string | undefined): MeasureSpans {
  const scanner = new ExchangeScanner({ perMeasure: true, under })
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  let position = 0
  for (;;) {
    const read = readSync(fd, chunk, 0, CHUNK_BYTES, position)
    if (read === 0) break
    position += read
    const problem = scanner.feed(chunk.subarray(0, read))
    if (problem) throw new ExchangeFileRefused(describeScanProblem(problem), 'bounds')
  }
  const problem = scanner.end()
  if (problem)
    throw new ExchangeFileRefused(describeScanProblem(problem), problem.message.startsWith('is not valid JSON') ? 'json' : 'bounds')
  return scanner.spans
}

/** The second pass: one measure at a time, through a window of the file. */
function* measuresOf(path: string, spans: MeasureSpans): Generator<unknown, void, undefined> {
  const fd = openSync(path, 'r')
  try {
    const window = Buffer.allocUnsafe(WINDOW_BYTES)
    let windowStart = 0
    let windowEnd = 0
    for (let n = 0; n < spans.starts.length; n++) {
      const start = spans.starts[n]!
      const end = spans.ends[n]!
      let text: string
      if (start >= windowStart && end <= windowEnd) text = window.toString('utf8', start - windowStart, end - windowStart)
      else if (end - start > WINDOW_BYTES) text = readRange(fd, start, end).toString('utf8')
      else {
        windowStart = start
        windowEnd = start + readFully(fd, window, WINDOW_BYTES, start)
        text = window.toString('utf8', 0, Math.min(end, windowEnd) - start)
      }
      yield parse(text, `measures[${n}]: `)
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Scans the file at `path` and returns it in parts to read one measure at a time, or whole when
 * it has no list of measures. With `under` the exchange file is that field of the JSON (the
 * browser host's request body, `{"file": {...}, "replace": true}`): the header is then the whole
 * value with the file's list emptied. Throws ExchangeFileRefused, or the file system's error.
 */
export function readExchangeFile(path: string, options: { under?: string } = {}): ExchangeFileRead {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const spans = scanFile(fd, options.under)
    if (spans.listStart < 0 || spans.listEnd < 0) {
      if (size > EXCHANGE_HEADER_MAX_BYTES)
        throw new ExchangeFileRefused('the file has no list of measures, and is too large to read whole', 'bounds')
      return { whole: parse(readRange(fd, 0, size).toString('utf8'), '') }
    }
    const outside = spans.listStart + 1 + (size - spans.listEnd)
    if (outside > EXCHANGE_HEADER_MAX_BYTES)
      throw new ExchangeFileRefused(`the file's fields besides its measures take more than ${EXCHANGE_HEADER_MAX_BYTES} bytes`, 'bounds')
    const text = readRange(fd, 0, spans.listStart + 1).toString('utf8') + readRange(fd, spans.listEnd, size).toString('utf8')
    return { parts: { header: parse(text, ''), count: spans.starts.length, measures: () => measuresOf(path, spans) } }
  } finally {
    closeSync(fd)
  }
}
