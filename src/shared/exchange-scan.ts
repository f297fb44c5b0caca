// A cheap first look at the raw bytes of an exchange file, BEFORE JSON.parse builds anything.
// JSON.parse of a hostile file costs far more than its size: 12 MB of `{},` becomes 4 million
// objects and about 470 MB of heap. This scanner walks the bytes once, allocates nothing per
// value, and refuses a file whose shape is out of bounds: an array longer than the format allows,
// text longer than any field takes, nesting deeper than the format has, or a parse that would
// need more memory than IMPORT_PARSE_BUDGET_BYTES. It is not a JSON validator: syntax errors are
// left to JSON.parse, which names their position.
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
 * The most memory reading one file may take, estimated from its shape (see parseCostEstimate).
 * A generated 10,000-measure export (23 MB) is estimated at about 75 MB; files past the budget
 * are refused with advice to split them, so a hostile file can never take the process down.
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

/**
 * Returns the first reason the bytes must be refused, or null when they are within bounds (or
 * malformed in a way JSON.parse will report better).
 */
export interface ScanOptions {
  /** Refuse past this estimated parse cost (tests use a small one). */
  budgetBytes?: number
  /** The exchange file is the value of this key of the root object (an HTTP body `{ "file": … }`). */
  under?: string
}

/** The problem in words, with its place first: "measures[3].events has more than 2000 entries". */
export function describeScanProblem(problem: ScanProblem): string {
  const where = formatIssuePath(problem.path)
  return where ? `${where} ${problem.message}` : problem.message
}

export function scanExchangeBytes(bytes: Uint8Array, options: ScanOptions = {}): ScanProblem | null {
  const budgetBytes = options.budgetBytes ?? IMPORT_PARSE_BUDGET_BYTES
  const under = options.under === undefined ? null : new TextEncoder().encode(options.under)
  // Depth of the exchange file's root object: 1, or 2 inside an envelope.
  const fileDepth = under ? 2 : 1
  // One slot per open container; typed arrays so the walk allocates nothing per value.
  const isArray = new Uint8Array(IMPORT_MAX_DEPTH + 1)
  const count = new Float64Array(IMPORT_MAX_DEPTH + 1)
  const keyStart = new Int32Array(IMPORT_MAX_DEPTH + 1)
  const keyEnd = new Int32Array(IMPORT_MAX_DEPTH + 1)
  const expectKey = new Uint8Array(IMPORT_MAX_DEPTH + 1)
  const arrayMax = new Float64Array(IMPORT_MAX_DEPTH + 1)
  let depth = 0
  // The text itself is held (decoded) while JSON.parse runs.
  let cost = bytes.length
  const length = bytes.length

  const pathTo = (upTo: number): (string | number)[] => {
    const path: (string | number)[] = []
    for (let d = 1; d < upTo; d++) {
      if (isArray[d]) path.push(count[d]! - 1)
      else path.push(new TextDecoder().decode(bytes.subarray(keyStart[d]!, Math.min(keyEnd[d]!, keyStart[d]! + 100))))
    }
    return path
  }
  const overBudget = (): ScanProblem => ({
    path: [],
    message:
      `the file is too large to import at once: reading it would take more than ${Math.round(budgetBytes / 1024 / 1024)} MB of memory. ` +
      'Split it into smaller files and import them one after another',
  })
  /** A value starts inside the container at `depth`: count it against that container's limits. */
  const countValue = (): ScanProblem | null => {
    if (depth === 0 || !isArray[depth]) return null
    count[depth] = count[depth]! + 1
    if (count[depth]! > arrayMax[depth]!) {
      return { path: pathTo(depth), message: `has more than ${arrayMax[depth]} entries; the limit is ${arrayMax[depth]}` }
    }
    return null
  }
  /** True when the current key of the object at depth `d` is `name`. */
  const keyIs = (d: number, name: Uint8Array): boolean => {
    if (isArray[d] || keyEnd[d]! - keyStart[d]! !== name.length) return false
    for (let k = 0; k < name.length; k++) if (bytes[keyStart[d]! + k] !== name[k]) return false
    return true
  }
  /** True when the container being opened at depth+1 is the exchange file's `measures` array. */
  const isMeasuresArray = (): boolean => depth === fileDepth && keyIs(depth, MEASURES) && (under === null || keyIs(1, under))

  let i = 0
  while (i < length) {
    const byte = bytes[i]!
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === COMMA || byte === COLON) {
      if (byte === COMMA && depth > 0 && !isArray[depth]) expectKey[depth] = 1
      i++
      continue
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      const problem = countValue()
      if (problem) return problem
      if (depth === IMPORT_MAX_DEPTH) return { path: pathTo(depth + 1), message: `is nested more than ${IMPORT_MAX_DEPTH} levels deep` }
      const measures = byte === OPEN_ARRAY && isMeasuresArray()
      depth++
      isArray[depth] = byte === OPEN_ARRAY ? 1 : 0
      count[depth] = 0
      expectKey[depth] = byte === OPEN_OBJECT ? 1 : 0
      keyStart[depth] = keyEnd[depth] = 0
      arrayMax[depth] = measures ? LIMITS.measures : IMPORT_MAX_INNER_ARRAY
      cost += CONTAINER_COST
      if (cost > budgetBytes) return overBudget()
      i++
      continue
    }
    if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth === 0) return null // unbalanced: JSON.parse reports it
      depth--
      i++
      continue
    }
    if (byte === QUOTE) {
      const start = i + 1
      let chars = 0
      i++
      while (i < length && bytes[i] !== QUOTE) {
        const b = bytes[i]!
        if (b === BACKSLASH) {
          i += bytes[i + 1] === 0x75 ? 6 : 2 // \uXXXX or a two-byte escape: one character
        } else {
          i++
        }
        // UTF-8 continuation bytes (10xxxxxx) belong to the character already counted.
        if ((b & 0xc0) !== 0x80) chars++
        if (chars > IMPORT_MAX_TEXT) {
          if (depth > 0 && !isArray[depth] && expectKey[depth])
            return { path: pathTo(depth), message: `has a field name longer than ${IMPORT_MAX_TEXT} characters` }
          const problem = countValue()
          if (problem) return problem
          return { path: pathTo(depth + 1), message: `is a text longer than ${IMPORT_MAX_TEXT} characters, more than any field takes` }
        }
      }
      const end = i
      i++ // the closing quote
      if (depth > 0 && !isArray[depth] && expectKey[depth]) {
        expectKey[depth] = 0
        keyStart[depth] = start
        keyEnd[depth] = end
        count[depth] = count[depth]! + 1
        if (count[depth]! > IMPORT_MAX_KEYS) return { path: pathTo(depth), message: `has more than ${IMPORT_MAX_KEYS} fields` }
        cost += SCALAR_COST
      } else {
        const problem = countValue()
        if (problem) return problem
        cost += SCALAR_COST + (end - start)
      }
      if (cost > budgetBytes) return overBudget()
      continue
    }
    // A number, true, false or null: up to the next delimiter.
    const problem = countValue()
    if (problem) return problem
    i++
    while (i < length) {
      const b = bytes[i]!
      if (b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) break
      i++
    }
    cost += SCALAR_COST
    if (cost > budgetBytes) return overBudget()
  }
  return null
}
