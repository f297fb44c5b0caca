// Importing an exchange file read one measure at a time (core/exchange/exchange-reader.ts): each
// measure is checked as it arrives (ExchangeStreamCheck) and, while the file is still valid,
// written to the staging file (importMeasuresStaged); at the end a problem anywhere refuses the
// whole file, as before, and nothing is written. For the command line, which reads files of any
// size; callers over IPC or HTTP send a parsed file to exchange.import.
import { ExchangeStreamCheck, describeInvalidFile } from '../../shared/exchange-validate.ts'
import type { ExchangedMeasure, ImportReport } from '../../shared/exchange.ts'
import { ServiceError, fail, formatIssuePath, ok, type Result } from '../../shared/result.ts'
import type { ExchangeFileParts } from '../exchange/exchange-reader.ts'
import { storageError } from '../store/storage-errors.ts'
import type { ServiceContext } from './context.ts'
import { eachMeasure } from '../store/measure-cursor.ts'
import { exportFile, importMeasuresStaged } from './exchange.ts'
import { entryText } from '../pretty-json.ts'
import { chunksInSnapshot } from '../store/read-snapshot.ts'

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

function invalid(check: ExchangeStreamCheck, stoppedAt: number | null): ServiceError {
  const refusal = check.refusal(stoppedAt)
  return new ServiceError('VALIDATION', describeInvalidFile(refusal, formatIssuePath), {
    issues: refusal.issues,
    ...(refusal.more > 0 || refusal.stoppedAt !== null ? { more: refusal.more, stoppedAt: refusal.stoppedAt } : {}),
  })
}

/** The file's valid measures, one at a time; throws VALIDATION after the last if any problem was found. */
function* checkedMeasures(parts: ExchangeFileParts, check: ExchangeStreamCheck): Generator<ExchangedMeasure, void, undefined> {
  let index = 0
  let stoppedAt: number | null = null
  for (const raw of parts.measures()) {
    // As validateExchangeFile: past MAX_IMPORT_ISSUES problems, checking stops.
    if (check.issues.full) {
      stoppedAt = index
      break
    }
    const measure = check.measure(raw, index++)
    // Once the file is known to be refused, its remaining measures are only checked.
    if (measure && !check.failed) yield measure
  }
  if (stoppedAt === null) check.finish()
  if (check.failed) throw invalid(check, stoppedAt)
}

/**
 * exchange.import's work for a file in parts: the same checks, conflicts, staging, audit and
 * all-or-nothing copy, answered as the service answers (a failed Result). A damaged measure's JSON
 * is thrown (ExchangeFileRefused), for the caller to name.
 */
export function importExchangeParts(
  ctx: ServiceContext,
  parts: ExchangeFileParts,
  options: { replace: boolean; dryRun: boolean },
): Result<ImportReport> {
  try {
    // The reader's byte scan bounded each measure's nesting and lists already.
    const check = new ExchangeStreamCheck({ scanned: true })
    const { notOurs } = check.header(isRecord(parts.header) ? parts.header : {})
    if (notOurs) throw invalid(check, null)
    return ok(importMeasuresStaged(ctx, checkedMeasures(parts, check), { ...options, action: 'exchange.import' }))
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message, error.details)
    if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR') {
      const wrapped = storageError(ctx.dbPath, 'Writing to', error)
      if (wrapped instanceof ServiceError) return fail(wrapped.code, wrapped.message, wrapped.details)
    }
    throw error
  }
}

/**
 * The export as text, a measure at a time: byte for byte what
 * `JSON.stringify(exportFile(ctx), null, 2)` and a final newline give, without holding it. Read
 * in one transaction, so the file is one consistent state of the store. `written.measures` counts
 * the measures as they go.
 */
export function* exportChunks(ctx: ServiceContext, written = { measures: 0 }): Generator<string, void, undefined> {
  const empty = JSON.stringify(exportFile(ctx, []), null, 2)
  // Everything up to the list's "[", from the same JSON.stringify as the whole file.
  yield empty.slice(0, empty.lastIndexOf('[]') + 1)
  for (const { createdAt: _c, updatedAt: _u, ...measure } of chunksInSnapshot(ctx.db, () => eachMeasure(ctx.db))) {
    yield `${written.measures === 0 ? '\n' : ',\n'}${entryText(measure)}`
    written.measures++
  }
  yield written.measures === 0 ? ']\n}\n' : '\n  ]\n}\n'
}
