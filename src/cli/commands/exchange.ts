// `export` and `import`: the versioned JSON file, full fidelity both ways; `export --format ics`, a calendar.
import { readFileSync, statSync } from 'node:fs'
import { writeFileAtomically } from '../../core/fs/atomic-write.ts'
import { EXCHANGE_MAX_BYTES } from '../../shared/exchange.ts'
import { describeScanProblem, scanExchangeBytes } from '../../shared/exchange-scan.ts'
import { translatePlural } from '../../shared/i18n/plural.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { UsageError, EXIT } from '../usage.ts'

export function exportCommand(ctx: CliContext): void {
  const format = ctx.args.format ?? 'json'
  if (format === 'ics') return exportCalendar(ctx)
  if (format !== 'json') throw new UsageError(`export --format must be json or ics (got "${format}")`)
  const file = unwrap(ctx.store.service.call('exchange.export', {}))
  const text = `${JSON.stringify(file, null, 2)}\n`
  if (ctx.args.out) {
    writeFileAtomically(ctx.args.out, text)
    ctx.out(translatePlural(ctx.locale, 'cli.exported', file.measures.length, { file: ctx.args.out }))
  } else ctx.out(text.trimEnd())
}

/**
 * `export --format ics [ID] [--out FILE]`: every measure's transitions (or one measure's) as an
 * iCalendar file, in --lang. With --out the file is written byte for byte (CRLF line ends, as
 * RFC 5545 requires); on stdout the terminal-safe printer drops the CRs, which parsers accept.
 */
function exportCalendar(ctx: CliContext): void {
  const [measureId, ...extra] = ctx.args.positionals
  if (extra.length > 0) throw new UsageError('export --format ics takes at most one measure id')
  const file = unwrap(ctx.store.service.call('calendar.export', { locale: ctx.locale, ...(measureId ? { measureId } : {}) }))
  if (ctx.args.out) {
    writeFileAtomically(ctx.args.out, file.content)
    const count = file.content.split('\r\nBEGIN:VEVENT\r\n').length - 1
    ctx.out(translatePlural(ctx.locale, 'cli.exportedCalendar', count, { file: ctx.args.out }))
  } else ctx.out(file.content.trimEnd())
}

function readJsonFile(path: string): unknown {
  let size: number
  try {
    size = statSync(path).size
  } catch (error) {
    throw new CliFailure(`Cannot read ${path}: ${(error as Error).message}`, EXIT.usage)
  }
  if (size > EXCHANGE_MAX_BYTES) throw new CliFailure(`${path} is ${size} bytes; the limit is ${EXCHANGE_MAX_BYTES}`, EXIT.usage)
  const bytes = readFileSync(path)
  // Before JSON.parse builds anything: a hostile shape costs many times its size once parsed.
  const problem = scanExchangeBytes(bytes)
  if (problem) throw new CliFailure(`${path} cannot be imported: ${describeScanProblem(problem)}. Nothing was changed.`, EXIT.usage)
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    if (error instanceof RangeError)
      throw new CliFailure(`${path} is nested too deeply or too large to read: ${error.message}. Nothing was changed.`, EXIT.usage)
    // Node names the position ("at position 812 (line 30 column 5)"): pass it on.
    throw new CliFailure(`${path} is not valid JSON (truncated or damaged?): ${(error as Error).message}`, EXIT.usage)
  }
}

export function importCommand(ctx: CliContext): void {
  const path = ctx.args.positionals[0]
  if (!path) throw new UsageError('import needs a file, e.g. import measures.json')
  const report = unwrap(
    ctx.store.service.call('exchange.import', { file: readJsonFile(path), dryRun: ctx.args.dryRun, replace: ctx.args.replace }),
  )
  if (ctx.args.json) ctx.out(JSON.stringify(report, null, 2))
  else {
    const counts = { created: report.created.length, replaced: report.replaced.length }
    ctx.out(ctx.t(report.dryRun ? 'cli.dryRun' : 'cli.imported', counts))
  }
}
