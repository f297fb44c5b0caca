// A cheap first look at the raw bytes of an exchange file, BEFORE JSON.parse builds anything.
// JSON.parse of a hostile file costs far more than its size: 12 MB of `{},` becomes 4 million
// objects and about 470 MB of heap. This scanner walks the bytes once, allocates nothing per
// value, and refuses a file whose shape is out of bounds: an array longer than the format allows,
// text longer than any field takes, nesting deeper than the format has, or a parse that would
// need more memory than IMPORT_PARSE_BUDGET_BYTES. It is not a JSON validator: syntax errors are
// left to JSON.parse, which names their position. The bytes may come in chunks (ExchangeScanner):
// the command line scans a file of any size this way and, with `perMeasure`, learns where each
// measure is, to parse them one at a time (core/exchange/exchange-reader.ts); then the budget
// is per measure, and the commas of the list of measures and the file's end are checked here.
import { LIMITS, NOTE_LIMIT } from './domain.ts'
import { formatIssuePath } from './result.ts'

/** The deepest nesting an import may have (a valid file has about 8 levels). */
export const IMPORT_MAX_DEPTH = 64
/**
 * The longest array allowed inside a measure: the largest per-measure limit (notes). The exact
 * limits are the schema's; this bound only keeps the validator's work per measure small.
 */
export const IMPORT_MAX_INNER_ARRAY = Math.max(NOTE_LIMIT, LIMITS.events, LIMITS.sources, LIMITS.links, LIMITS.tags, LIMITS.progress)
/** The most fields one object may have (a measure has about 25). */
export const IMPORT_MAX_KEYS = 200
/** The longest text (in characters) any field takes: notes, scopes and summaries. */
export const IMPORT_MAX_TEXT = LIMITS.longText
/**
 * The most memory reading one file parsed whole (an HTTP body) may take, estimated from its shape.
 * A generated 10,000-measure export (23 MB) is estimated at about 75 MB; files past the budget
 * are refused with advice to split them, so a hostile file can never take the process down. For
 * a file read one measure at a time (perMeasure), the bound of each measure, and of the rest.
 */
export const IMPORT_PARSE_BUDGET_BYTES = 256 * 1024 * 1024

/**
 * Heap cost per value once parsed, measured with Node 24: an empty object is about 118 bytes, an
 * empty array about 85, a number or a field 8–16. Strings cost their length again (JSON.parse
 * copies them out of the text, which is itself held while parsing).
 */
const CONTAINER_COST = 120
const SCALAR_COST = 16

export interface ScanProblem {
  /** Where: e.g. ["measures", 3, "events"]. */
  path: (string | number)[]
  message: string
}

// Byte values the scanner looks at.
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const MEASURES = new TextEncoder().encode('measures')

export interface ScanOptions {
  /** Refuse past this estimated parse cost (tests use a small one). */
  budgetBytes?: number
  /** The exchange file is the value of this key of the root object (an HTTP body `{ "file": … }`). */
  under?: string
  /**
   * For a file read measure by measure (exchange-stream.ts) rather than parsed whole: the parse
   * budget applies to each measure, and to the rest of the file, separately; where each measure's
   * bytes are is recorded (ExchangeScanner.spans); and since JSON.parse never sees the file whole,
   * the list of measures is checked for its commas and the file for its end.
   */
  perMeasure?: boolean
}

/** The problem in words, with its place first: "measures[3].events has more than 2000 entries". */
export function describeScanProblem(problem: ScanProblem): string {
  const where = formatIssuePath(problem.path)
  return where ? `${where} ${problem.message}` : problem.message
}

/** Where the measures are in the file (absolute byte offsets), for reading them one at a time. */
export interface MeasureSpans {
  /** The `[` and `]` of the measures list; -1 while not seen. */
  listStart: number
  listEnd: number
  /** Measure n is the bytes starts[n] up to (not including) ends[n]. */
  starts: number[]
  ends: number[]
}

/** Bytes of each field name kept: for naming places in messages, and comparing with "measures". */
const KEY_KEEP = 128
/** Numbers, true, false and null are short: a longer run of them is refused like a long text. */
const MAX_SCALAR_BYTES = 64

/**
 * The next `"` from `from` on, or -1: a loop, not Buffer's indexOf, whose checks cost more than
 * the search through a field name or a short text (most of a file's texts).
 */
function quoteAt(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === QUOTE) return i
  return -1
}

/** True when the JSON text between `start` and `end` holds more than `limit` characters. */
function charactersOver(bytes: Uint8Array, start: number, end: number, limit: number): boolean {
  let chars = 0
  let j = start
  while (j < end) {
    const b = bytes[j]!
    j += b === BACKSLASH ? (bytes[j + 1] === 0x75 ? 6 : 2) : 1 // \uXXXX or a two-byte escape: one character
    // UTF-8 continuation bytes (10xxxxxx) belong to the character already counted.
    if ((b & 0xc0) !== 0x80 && ++chars > limit) return true
  }
  return false
}

/**
 * The scan over a file that arrives in chunks. Allocates nothing per value: a token cut by a
 * chunk's end (a text is at most IMPORT_MAX_TEXT characters, a number a few bytes) is carried
 * over and read again whole, so what is held stays bounded too.
 */
export class ExchangeScanner {
  readonly spans: MeasureSpans = { listStart: -1, listEnd: -1, starts: [], ends: [] }
  private readonly budgetBytes: number
  private readonly under: Uint8Array | null
  private readonly perMeasure: boolean
  /** Depth of the exchange file's root object: 1, or 2 inside an envelope. */
  private readonly fileDepth: number
  // One slot per open container; typed arrays so the walk allocates nothing per value.
  private readonly isArray = new Uint8Array(IMPORT_MAX_DEPTH + 1)
  private readonly count = new Float64Array(IMPORT_MAX_DEPTH + 1)
  private readonly keyLength = new Int32Array(IMPORT_MAX_DEPTH + 1)
  private readonly keyBytes = new Uint8Array((IMPORT_MAX_DEPTH + 1) * KEY_KEEP)
  private readonly expectKey = new Uint8Array(IMPORT_MAX_DEPTH + 1)
  private readonly arrayMax = new Float64Array(IMPORT_MAX_DEPTH + 1)
  private depth = 0
  /** Estimated parse cost of the file (or, perMeasure, of everything but the measures). */
  private cost = 0
  /** perMeasure: the cost of the measure being read, -1 between measures. */
  private measureCost = -1
  /** Depth of the measures list while inside it, else 0. */
  private listDepth = 0
  /** perMeasure, directly inside the list: a measure just ended (a comma or `]` must follow), or a comma did. */
  private afterMeasure = false
  private afterComma = false
  /** The unfinished token carried from the last chunk, and the offset of its first byte in the file. */
  private pending = new Uint8Array(0)
  private base = 0
  private problem: ScanProblem | null = null

  constructor(options: ScanOptions = {}) {
    this.budgetBytes = options.budgetBytes ?? IMPORT_PARSE_BUDGET_BYTES
    this.under = options.under === undefined ? null : new TextEncoder().encode(options.under)
    this.perMeasure = options.perMeasure ?? false
    this.fileDepth = this.under ? 2 : 1
  }

  /** Scans the next chunk; returns the first problem (and keeps returning it). */
  feed(chunk: Uint8Array): ScanProblem | null {
    if (this.problem) return this.problem
    // Whole-file budget: the text itself is held (decoded) while JSON.parse runs.
    if (!this.perMeasure) this.cost += chunk.length
    let bytes = chunk
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length)
      bytes.set(this.pending)
      bytes.set(chunk, this.pending.length)
    }
    this.problem = this.walk(bytes, false)
    return this.problem
  }

  /** The file has ended: a perMeasure scan refuses one that ends before its JSON does. */
  end(): ScanProblem | null {
    if (this.problem) return this.problem
    if (this.pending.length > 0) this.problem = this.walk(this.pending, true)
    if (!this.problem && this.perMeasure && this.depth > 0) this.problem = this.syntax('the file ends before its JSON does (truncated?)')
    return this.problem
  }

  private pathTo(upTo: number): (string | number)[] {
    const path: (string | number)[] = []
    for (let d = 1; d < upTo; d++) {
      if (this.isArray[d]) path.push(this.count[d]! - 1)
      else {
        const from = d * KEY_KEEP
        path.push(new TextDecoder().decode(this.keyBytes.subarray(from, from + Math.min(this.keyLength[d]!, 100))))
      }
    }
    return path
  }

  private overBudget(): ScanProblem {
    const mb = Math.round(this.budgetBytes / 1024 / 1024)
    if (this.measureCost >= 0)
      return {
        path: ['measures', this.count[this.listDepth]! - 1],
        message: `is too large to import: reading it would take more than ${mb} MB of memory`,
      }
    return {
      path: [],
      message:
        `the file is too large to import at once: reading it would take more than ${mb} MB of memory. ` +
        'Split it into smaller files and import them one after another',
    }
  }

  /** Adds to the cost of the measure being read, or of the file; false past the budget. */
  private addCost(amount: number): boolean {
    if (this.measureCost >= 0) {
      this.measureCost += amount
      return this.measureCost <= this.budgetBytes
    }
    this.cost += amount
    return this.cost <= this.budgetBytes
  }

  /** A value starts inside the container at `depth`: count it against that container's limits. */
  private countValue(): ScanProblem | null {
    const depth = this.depth
    if (depth === 0 || !this.isArray[depth]) return null
    this.count[depth] = this.count[depth]! + 1
    if (this.count[depth]! > this.arrayMax[depth]!) {
      return { path: this.pathTo(depth), message: `has more than ${this.arrayMax[depth]} entries; the limit is ${this.arrayMax[depth]}` }
    }
    return null
  }

  /** True when the current key of the object at depth `d` is `name`. */
  private keyIs(d: number, name: Uint8Array): boolean {
    if (this.isArray[d] || this.keyLength[d] !== name.length) return false
    const from = d * KEY_KEEP
    for (let k = 0; k < name.length; k++) if (this.keyBytes[from + k] !== name[k]) return false
    return true
  }

  private syntax(message: string): ScanProblem {
    return { path: this.pathTo(this.depth + 1), message: `is not valid JSON: ${message}` }
  }

  /** perMeasure, directly inside the list: a measure starts at `at`. */
  private measureStarts(at: number): ScanProblem | null {
    if (this.afterMeasure) return this.syntax(`a comma is missing before measures[${this.count[this.listDepth]! - 1}]`)
    this.afterComma = false
    this.spans.starts.push(at)
    this.measureCost = 0
    return null
  }

  /** perMeasure: the measure that started directly inside the list ends before `at`. */
  private measureEnds(at: number): ScanProblem | null {
    // Its text is held while it is parsed, blanks included.
    if (!this.addCost(at - this.spans.starts[this.spans.starts.length - 1]!)) return this.overBudget()
    this.spans.ends.push(at)
    this.afterMeasure = true
    this.measureCost = -1
    return null
  }

  private walk(bytes: Uint8Array, final: boolean): ScanProblem | null {
    const length = bytes.length
    const perMeasure = this.perMeasure
    let i = 0
    while (i < length) {
      const byte = bytes[i]!
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
        i++
        continue
      }
      const depth = this.depth
      const inList = perMeasure && depth === this.listDepth && depth > 0
      if (byte === COMMA || byte === COLON) {
        if (inList) {
          if (byte === COLON || !this.afterMeasure) return this.syntax(`unexpected "${byte === COMMA ? ',' : ':'}" in the list of measures`)
          this.afterMeasure = false
          this.afterComma = true
        }
        if (byte === COMMA && depth > 0 && !this.isArray[depth]) this.expectKey[depth] = 1
        i++
        continue
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        const problem = this.countValue()
        if (problem) return problem
        if (inList) {
          const refused = this.measureStarts(this.base + i)
          if (refused) return refused
        }
        if (depth === IMPORT_MAX_DEPTH)
          return { path: this.pathTo(depth + 1), message: `is nested more than ${IMPORT_MAX_DEPTH} levels deep` }
        const measures =
          byte === OPEN_ARRAY &&
          depth === this.fileDepth &&
          this.keyIs(depth, MEASURES) &&
          (this.under === null || this.keyIs(1, this.under))
        const next = depth + 1
        this.depth = next
        this.isArray[next] = byte === OPEN_ARRAY ? 1 : 0
        this.count[next] = 0
        this.expectKey[next] = byte === OPEN_OBJECT ? 1 : 0
        this.keyLength[next] = 0
        this.arrayMax[next] = measures ? LIMITS.measures : IMPORT_MAX_INNER_ARRAY
        if (measures) {
          // A second "measures" key wins, as it does in JSON.parse.
          this.listDepth = next
          this.spans.listStart = this.base + i
          this.spans.listEnd = -1
          this.spans.starts.length = 0
          this.spans.ends.length = 0
          this.afterMeasure = this.afterComma = false
        }
        if (!this.addCost(CONTAINER_COST)) return this.overBudget()
        i++
        continue
      }
      if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        if (depth === 0) {
          if (perMeasure) return this.syntax(`unexpected "${byte === CLOSE_OBJECT ? '}' : ']'}"`)
          return null // unbalanced: JSON.parse reports it
        }
        if (depth === this.listDepth) {
          if (perMeasure && (byte === CLOSE_OBJECT || this.afterComma)) return this.syntax('the list of measures does not end as it should')
          this.spans.listEnd = this.base + i
          this.listDepth = 0
        }
        this.depth = depth - 1
        if (perMeasure && this.depth === this.listDepth && this.listDepth > 0) {
          const refused = this.measureEnds(this.base + i + 1)
          if (refused) return refused
        }
        i++
        continue
      }
      if (byte === QUOTE) {
        const start = i + 1
        // The closing quote: the next one not escaped (after an even run of backslashes).
        let j = quoteAt(bytes, start)
        while (j >= 0) {
          let slashes = 0
          while (j - slashes - 1 >= start && bytes[j - slashes - 1] === BACKSLASH) slashes++
          if (slashes % 2 === 0) break
          j = quoteAt(bytes, j + 1)
        }
        const stop = j < 0 ? length : j
        // Fewer bytes than the limit are fewer characters too: count only a longer one.
        if (stop - start > IMPORT_MAX_TEXT && charactersOver(bytes, start, stop, IMPORT_MAX_TEXT)) {
          if (depth > 0 && !this.isArray[depth] && this.expectKey[depth])
            return { path: this.pathTo(depth), message: `has a field name longer than ${IMPORT_MAX_TEXT} characters` }
          const problem = this.countValue()
          if (problem) return problem
          return { path: this.pathTo(depth + 1), message: `is a text longer than ${IMPORT_MAX_TEXT} characters, more than any field takes` }
        }
        if (j < 0) {
          // Cut by the chunk's end: read it again whole with the next chunk.
          if (final) break
          return this.carry(bytes, i)
        }
        const end = j
        if (depth > 0 && !this.isArray[depth] && this.expectKey[depth]) {
          this.expectKey[depth] = 0
          const size = end - start
          this.keyLength[depth] = size
          // Copied byte by byte: a subarray (a new Buffer object per field name) cost more.
          const keep = Math.min(size, KEY_KEEP)
          const into = depth * KEY_KEEP
          for (let k = 0; k < keep; k++) this.keyBytes[into + k] = bytes[start + k]!
          this.count[depth] = this.count[depth]! + 1
          if (this.count[depth]! > IMPORT_MAX_KEYS) return { path: this.pathTo(depth), message: `has more than ${IMPORT_MAX_KEYS} fields` }
          if (!this.addCost(SCALAR_COST)) return this.overBudget()
        } else {
          const problem = this.countValue()
          if (problem) return problem
          if (inList) {
            const refused = this.measureStarts(this.base + i)
            if (refused) return refused
          }
          if (!this.addCost(SCALAR_COST + (end - start))) return this.overBudget()
          const refused = inList ? this.measureEnds(this.base + end + 1) : null
          if (refused) return refused
        }
        i = end + 1 // past the closing quote
        continue
      }
      // A number, true, false or null: up to the next delimiter.
      let j = i + 1
      while (j < length) {
        const b = bytes[j]!
        if (b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) break
        j++
      }
      if (j - i > MAX_SCALAR_BYTES)
        return { path: this.pathTo(depth + 1), message: `is a value longer than ${MAX_SCALAR_BYTES} characters` }
      if (j >= length && !final) return this.carry(bytes, i)
      const problem = this.countValue()
      if (problem) return problem
      if (inList) {
        const refused = this.measureStarts(this.base + i)
        if (refused) return refused
      }
      if (!this.addCost(SCALAR_COST)) return this.overBudget()
      const refused = inList ? this.measureEnds(this.base + j) : null
      if (refused) return refused
      i = j
    }
    this.base += length
    this.pending = new Uint8Array(0)
    return null
  }

  /** Keeps the bytes from `from` on (one unfinished token) for the next chunk. */
  private carry(bytes: Uint8Array, from: number): null {
    // A copy (a Buffer's slice would be a view of a chunk its reader reuses).
    this.pending = new Uint8Array(bytes.subarray(from))
    this.base += from
    return null
  }
}

/**
 * Returns the first reason the bytes must be refused, or null when they are within bounds (or
 * malformed in a way JSON.parse will report better).
 */
export function scanExchangeBytes(bytes: Uint8Array, options: ScanOptions = {}): ScanProblem | null {
  const scanner = new ExchangeScanner(options)
  return scanner.feed(bytes) ?? scanner.end()
}
