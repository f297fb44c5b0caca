// Validation of an exchange file with bounded work and memory, whatever the input. Validating
// the whole file with one zod call keeps every problem: a file whose every element is wrong gave
// 1.5 million issue objects for 1.5 MB and ran the process out of heap. Here counts are checked
// before anything is validated, measures are validated one at a time, and only the first
// MAX_IMPORT_ISSUES problems are kept: checking stops there and the answer says there are more.
import { LIMITS } from './domain.ts'
import {
  checkExchangeMeasures,
  checkMeasure,
  exchangeFileSchema,
  linkOutOfFile,
  type ExchangedMeasure,
  type IssueSink,
  type ParsedExchangeFile,
} from './exchange.ts'
import { IMPORT_MAX_DEPTH, IMPORT_MAX_INNER_ARRAY } from './exchange-scan.ts'
import type { ApiErrorIssue } from './result.ts'

/** Problems kept and reported for one file; a person fixes these first and tries again. */
export const MAX_IMPORT_ISSUES = 100

export type ExchangeValidation =
  | { ok: true; file: ParsedExchangeFile }
  | {
      ok: false
      issues: ApiErrorIssue[]
      /** Problems found past the first MAX_IMPORT_ISSUES (counted, not kept). */
      more: number
      /** Set when checking stopped early: the measure it stopped at, so there may be more. */
      stoppedAt: number | null
    }

/** Keeps the first MAX_IMPORT_ISSUES problems and only counts the rest. */
export class CappedIssues implements IssueSink {
  readonly issues: ApiErrorIssue[] = []
  more = 0
  get full(): boolean {
    return this.issues.length >= MAX_IMPORT_ISSUES
  }
  add(path: readonly PropertyKey[], message: string): void {
    if (this.full) this.more++
    else this.issues.push({ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message })
  }
  addIssue(issue: { path: (string | number)[]; message: string }): void {
    this.add(issue.path, issue.message)
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The first array longer than any in a measure, or nesting deeper than the format has, in one
 * measure's value — checked before zod sees it, so zod's work per measure stays small. (A file
 * read by the command line was scanned before parsing; values from IPC or HTTP arrive parsed.)
 */
function boundsProblem(measure: unknown): { path: (string | number)[]; message: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: measure, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] }
    if (value === null || typeof value !== 'object') continue
    if (path.length >= IMPORT_MAX_DEPTH) return { path, message: `is nested more than ${IMPORT_MAX_DEPTH} levels deep` }
    if (Array.isArray(value)) {
      if (value.length > IMPORT_MAX_INNER_ARRAY)
        return { path, message: `has ${value.length} entries; no list in a measure may have more than ${IMPORT_MAX_INNER_ARRAY}` }
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }))
    } else {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] })
    }
  }
  return null
}

export function validateExchangeFile(data: unknown): ExchangeValidation {
  const sink = new CappedIssues()
  const refuse = (stoppedAt: number | null = null): ExchangeValidation => ({ ok: false, issues: sink.issues, more: sink.more, stoppedAt })

  const measures = isRecord(data) ? data.measures : undefined
  if (!Array.isArray(measures)) {
    // No list of measures to walk: the schema's answer is small.
    const parsed = exchangeFileSchema.safeParse(data)
    if (parsed.success) return { ok: true, file: parsed.data }
    for (const issue of parsed.error.issues) sink.add(issue.path, issue.message)
    return refuse()
  }
  if (measures.length > LIMITS.measures) {
    sink.add(
      ['measures'],
      `has ${measures.length} measures; the limit is ${LIMITS.measures}. Split the file and import the parts one after another`,
    )
    return refuse()
  }

  // The header (format, version, name…), with the measures checked separately below.
  const header = exchangeFileSchema.safeParse({ ...(data as Record<string, unknown>), measures: [] })
  if (!header.success) {
    for (const issue of header.error.issues) sink.add(issue.path, issue.message)
    // Not our format at all: its measures' problems would only bury that one message.
    if (header.error.issues.some((issue) => issue.path[0] === 'format')) return refuse()
  }

  const element = exchangeFileSchema.shape.measures.element
  const valid: ParsedExchangeFile['measures'] = []
  for (let index = 0; index < measures.length; index++) {
    if (sink.full) return refuse(index)
    const raw = measures[index]
    const tooBig = boundsProblem(raw)
    if (tooBig) {
      sink.add(['measures', index, ...tooBig.path], tooBig.message)
      continue
    }
    const parsed = element.safeParse(raw)
    if (parsed.success) valid.push(parsed.data)
    else for (const issue of parsed.error.issues) sink.add(['measures', index, ...issue.path], issue.message)
  }
  if (sink.issues.length > 0 || !header.success) return refuse()

  checkExchangeMeasures(valid, sink)
  if (sink.issues.length > 0) return refuse()
  return { ok: true, file: { ...header.data, measures: valid } }
}

/** One line for people: the first few problems, and how many more (or that checking stopped). */
export function describeInvalidFile(
  result: Extract<ExchangeValidation, { ok: false }>,
  formatPath: (path: (string | number)[]) => string,
): string {
  const shown = result.issues.slice(0, 5).map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`)
  const hidden = result.issues.length - shown.length + result.more
  let tail = ''
  if (result.stoppedAt !== null) {
    tail = ` (and more: checking stopped after the first ${MAX_IMPORT_ISSUES} problems, at measures[${result.stoppedAt}])`
  } else if (hidden > 0) tail = ` (and ${hidden} more)`
  return `The file is not a valid Measure Tracker export: ${shown.join('; ')}${tail}`
}

/** The file's fields but its measures: what a streamed import checks before reading measures. */
export type ExchangeHeader = Omit<ParsedExchangeFile, 'measures'>

/**
 * The same checks as validateExchangeFile, for a file read one measure at a time (core/exchange/
 * exchange-reader.ts): what is kept between measures is their ids and the links whose target had
 * not been seen yet, never the measures. Problems are the same, though their order may differ: a
 * measure's checks against the others come as it arrives, links to ids missing from the file at
 * the end.
 */
export class ExchangeStreamCheck {
  readonly issues = new CappedIssues()
  private readonly ids = new Map<string, number>()
  private readonly forwardLinks: { index: number; link: number; targetId: string }[] = []
  private readonly scanned: boolean

  /** `scanned`: the measures come from bytes ExchangeScanner passed, so their nesting and lists are in bounds already. */
  constructor(options: { scanned?: boolean } = {}) {
    this.scanned = options.scanned ?? false
  }

  /** The header (format, version, name…): null when it is refused; stop at once if `notOurs`. */
  header(data: Record<string, unknown>): { header: ExchangeHeader | null; notOurs: boolean } {
    const parsed = exchangeFileSchema.safeParse({ ...data, measures: [] })
    if (parsed.success) {
      const { measures: _none, ...header } = parsed.data
      return { header, notOurs: false }
    }
    for (const issue of parsed.error.issues) this.issues.add(issue.path, issue.message)
    return { header: null, notOurs: parsed.error.issues.some((issue) => issue.path[0] === 'format') }
  }

  /** Measure `index`, as JSON.parse gave it: the valid measure, or null (its problems are kept). */
  measure(raw: unknown, index: number): ExchangedMeasure | null {
    const tooBig = this.scanned ? null : boundsProblem(raw)
    if (tooBig) {
      this.issues.add(['measures', index, ...tooBig.path], tooBig.message)
      return null
    }
    const parsed = exchangeFileSchema.shape.measures.element.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.issues.add(['measures', index, ...issue.path], issue.message)
      return null
    }
    const measure = parsed.data
    const before = this.issues.issues.length + this.issues.more
    const first = this.ids.get(measure.id)
    if (first !== undefined) this.issues.add(['measures', index, 'id'], `duplicate id "${measure.id}" (also measures[${first}])`)
    else this.ids.set(measure.id, index)
    checkMeasure(measure, index, null, this.issues)
    measure.links.forEach((link, l) => {
      if (link.targetId !== measure.id && !this.ids.has(link.targetId)) this.forwardLinks.push({ index, link: l, targetId: link.targetId })
    })
    return this.issues.issues.length + this.issues.more === before ? measure : null
  }

  /** After the last measure: links to ids the file does not hold. */
  finish(): void {
    for (const { index, link, targetId } of this.forwardLinks)
      if (!this.ids.has(targetId)) this.issues.add(['measures', index, 'links', link, 'targetId'], linkOutOfFile(targetId))
  }

  get failed(): boolean {
    return this.issues.issues.length > 0
  }

  /** The refusal, as validateExchangeFile gives it; `stoppedAt` when checking stopped at that measure. */
  refusal(stoppedAt: number | null = null): Extract<ExchangeValidation, { ok: false }> {
    return { ok: false, issues: this.issues.issues, more: this.issues.more, stoppedAt }
  }
}
