// `export` and `import`: the versioned JSON file, full fidelity both ways; `export --format ics`, a calendar.
import { ExchangeFileRefused, readExchangeFile, type ExchangeFileRead } from '../../core/exchange/exchange-reader.ts'
import { writeChunksAtomically } from '../../core/fs/atomic-write.ts'
import { calendarExportChunks } from '../../core/service/calendar.ts'
import { exportChunks, importExchangeParts } from '../../core/service/exchange-stream.ts'
import type { ImportReport } from '../../shared/exchange.ts'
import { ServiceError, type Result } from '../../shared/result.ts'
import { translatePlural } from '../../shared/i18n/plural.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { UsageError, EXIT } from '../usage.ts'
import { printChunks } from '../print-chunks.ts'

export function exportCommand(ctx: CliContext): void {
  const format = ctx.args.format ?? 'json'
  if (format === 'ics') return exportCalendar(ctx)
  if (format !== 'json') throw new UsageError(`export --format must be json or ics (got "${format}")`)
  // Written a measure at a time (exportChunks), whatever the store's size.
  const service = ctx.store.core.context
  if (ctx.args.out) {
    const written = { measures: 0 }
    writeChunksAtomically(ctx.args.out, exportChunks(service, written))
    ctx.out(translatePlural(ctx.locale, 'cli.exported', written.measures, { file: ctx.args.out }))
  } else printChunks(ctx, exportChunks(service))
}

/**
 * `export --format ics [ID] [--out FILE]`: every measure's transitions (or one measure's) as an
 * iCalendar file, in --lang. With --out the file is written byte for byte (CRLF line ends, as
 * RFC 5545 requires), and on stdout the same bytes.
 */
function exportCalendar(ctx: CliContext): void {
  const [measureId, ...extra] = ctx.args.positionals
  if (extra.length > 0) throw new UsageError('export --format ics takes at most one measure id')
  // Written in chunks (a calendar of 100,000 measures is more text than one string may hold).
  const written = { events: 0 }
  let chunks: Iterable<string>
  try {
    chunks = calendarExportChunks(ctx.store.core.context, { locale: ctx.locale, measureId }, written)
  } catch (error) {
    if (error instanceof ServiceError) throw new CliFailure(error.message, error.code === 'NOT_FOUND' ? EXIT.usage : EXIT.failure)
    throw error
  }
  if (ctx.args.out) {
    writeChunksAtomically(ctx.args.out, chunks)
    ctx.out(translatePlural(ctx.locale, 'cli.exportedCalendar', written.events, { file: ctx.args.out }))
  } else printChunks(ctx, chunks)
}

/** Reads the file to import: whole when small and without a list of measures, else in parts. */
function readImportFile(path: string): ExchangeFileRead {
  try {
    return readExchangeFile(path)
  } catch (error) {
    throw importFailure(path, error)
  }
}

function importFailure(path: string, error: unknown): unknown {
  if (error instanceof ExchangeFileRefused) {
    // Before JSON.parse builds anything: a hostile shape costs many times its size once parsed.
    if (error.reason === 'bounds') return new CliFailure(`${path} cannot be imported: ${error.message}. Nothing was changed.`, EXIT.usage)
    // Node names the position ("at position 812 (line 30 column 5)"): pass it on.
    return new CliFailure(`${path} is not valid JSON (truncated or damaged?): ${error.message}`, EXIT.usage)
  }
  if ((error as NodeJS.ErrnoException).code !== undefined && (error as NodeJS.ErrnoException).syscall !== undefined)
    return new CliFailure(`Cannot read ${path}: ${(error as Error).message}`, EXIT.usage)
  return error
}

/**
 * `import FILE`: any file `export` wrote, whatever its size. A file is read one measure at a time
 * (core/exchange/exchange-reader.ts) and staged as it is checked (core/service/exchange-stream.ts),
 * so memory stays bounded; the bounds on hostile input are per measure, text and list.
 */
export async function importCommand(ctx: CliContext): Promise<void> {
  const path = ctx.args.positionals[0]
  if (!path) throw new UsageError('import needs a file, e.g. import measures.json')
  const read = readImportFile(path)
  const options = { dryRun: ctx.args.dryRun, replace: ctx.args.replace }
  let result: Result<ImportReport>
  if ('whole' in read) result = await ctx.store.service.call('exchange.import', { file: read.whole, ...options })
  else {
    try {
      result = importExchangeParts(ctx.store.core.context, read.parts, options)
    } catch (error) {
      throw importFailure(path, error)
    }
  }
  const report = unwrap(result)
  if (ctx.args.json) ctx.out(JSON.stringify(report, null, 2))
  else {
    const counts = { created: report.created.length, replaced: report.replaced.length }
    ctx.out(ctx.t(report.dryRun ? 'cli.dryRun' : 'cli.imported', counts))
  }
}
