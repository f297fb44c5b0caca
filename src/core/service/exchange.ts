// Export and import of the versioned JSON format (shared/exchange.ts). An import is checked whole
// before anything is written, and runs in the caller's transaction: a bad file changes nothing.
import type { z } from 'zod'
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeFile,
  type ImportReport,
  type ParsedExchangeFile,
} from '../../shared/exchange.ts'
import { describeInvalidFile, validateExchangeFile } from '../../shared/exchange-validate.ts'
import { ServiceError, formatIssuePath, type ApiErrorIssue } from '../../shared/result.ts'
import { measureExists, readAllMeasures, readMeasure, writeLinks, writeWholeMeasure } from '../store/measure-rows.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'
import { writeAudit } from './audit.ts'

export function exportFile(ctx: ServiceContext): ExchangeFile {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: timestamp(ctx.nowMs()),
    measures: readAllMeasures(ctx.db).map(({ createdAt: _c, updatedAt: _u, ...measure }) => measure),
  }
}

export function issuesOf(error: z.ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message }))
}

/**
 * Validates a parsed JSON value as an exchange file; throws VALIDATION naming the bad places.
 * Bounded whatever the input (exchange-validate.ts): at most MAX_IMPORT_ISSUES problems are kept.
 */
export function parseExchangeFile(data: unknown): ParsedExchangeFile {
  const result = validateExchangeFile(data)
  if (result.ok) return result.file
  throw new ServiceError('VALIDATION', describeInvalidFile(result, formatIssuePath), {
    issues: result.issues,
    ...(result.more > 0 || result.stoppedAt !== null ? { more: result.more, stoppedAt: result.stoppedAt } : {}),
  })
}

/** Writes a validated file. Existing ids conflict unless `replace`, which replaces those measures. */
export function importFile(ctx: ServiceContext, file: ParsedExchangeFile, options: { replace: boolean; dryRun: boolean; action: 'exchange.import' | 'seed' }): ImportReport {
  const existing = file.measures.filter((m) => measureExists(ctx.db, m.id) !== null).map((m) => m.id)
  if (existing.length > 0 && !options.replace) {
    throw new ServiceError('CONFLICT', `${existing.length} measure(s) already exist: ${existing.slice(0, 10).join(', ')}. Use --replace to replace them.`, {
      ids: existing,
      issues: file.measures.flatMap((m, index) => (existing.includes(m.id) ? [{ path: ['measures', index, 'id'], message: `"${m.id}" already exists` }] : [])),
    })
  }
  const report: ImportReport = { dryRun: options.dryRun, created: file.measures.filter((m) => !existing.includes(m.id)).map((m) => m.id), replaced: existing }
  if (options.dryRun) return report
  const now = timestamp(ctx.nowMs())
  const replacedBefore = new Map(existing.map((id) => [id, readMeasure(ctx.db, id)]))
  for (const measure of file.measures) {
    const before = replacedBefore.get(measure.id)
    writeWholeMeasure(ctx.db, { ...measure, createdAt: before?.createdAt ?? now, updatedAt: now })
  }
  for (const measure of file.measures) writeLinks(ctx.db, measure)
  // One audit row per replaced measure keeps what it was; created ones are listed once.
  for (const [id, before] of replacedBefore) writeAudit(ctx.db, { at: now, actor: ctx.actor, action: options.action, measureId: id, before, after: { replacedBy: options.action } })
  writeAudit(ctx.db, { at: now, actor: ctx.actor, action: options.action, measureId: null, before: null, after: { created: report.created, replaced: report.replaced } })
  return report
}

export const exchangeHandlers: Handlers<'exchange.export' | 'exchange.import'> = {
  'exchange.export': (ctx) => exportFile(ctx),
  'exchange.import': (ctx, input) => importFile(ctx, parseExchangeFile(input.file), { replace: input.replace, dryRun: input.dryRun, action: 'exchange.import' }),
}
