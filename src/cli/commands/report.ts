// `report`: the status report (core/report) as HTML (default), Markdown, CSV or JSON, to stdout
// or to --out FILE. Times are shown in --tz; --at is read in --tz like every other command.
// `report --measure ID`: that measure's one-page brief instead, as HTML, Markdown or JSON.
import { BRIEF_FORMATS, REPORT_FORMATS, type ReportFormat } from '../../shared/api-inputs.ts'
import type { ReportFile } from '../../shared/api-views.ts'
import { listFilterOf } from '../args.ts'
import type { CliContext } from '../context.ts'
import { CliFailure, unwrap } from '../context.ts'
import { EXIT, UsageError } from '../usage.ts'
import { writeChunksAtomically } from '../../core/fs/atomic-write.ts'
import { reportFileChunks } from '../../core/service/report.ts'
import { api } from '../../shared/api.ts'
import { validationFailure } from '../../shared/validation-failure.ts'
import { printChunks } from '../print-chunks.ts'
import { resolveAt } from './status.ts'

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase())
  if (!found) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`)
  return found
}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN
  if (!(n >= 1 && n <= 3660)) throw new UsageError(`--days must be a whole number of days from 1 to 3660 (got "${value}")`)
  return n
}

/** The brief of --measure: the report's options that fit a single portrait page, no others. */
async function briefFile(ctx: CliContext, id: string): Promise<ReportFile> {
  const { args } = ctx
  const unfit = [
    ['--days', args.days !== undefined],
    ['--include-notes', args.includeNotes],
    ['--charts', args.charts],
    ['--orientation', args.orientation !== undefined],
    ['--text', args.text !== undefined],
  ].find(([, given]) => given)
  if (unfit) throw new UsageError(`${unfit[0]} applies to the status report, not to a measure's brief (--measure)`)
  const format = choice('format', args.format, BRIEF_FORMATS) ?? 'html'
  const options = { at: resolveAt(ctx), tz: ctx.zone, lang: ctx.locale, paper: choice('paper', args.paper, ['A4', 'Letter'] as const) }
  return unwrap(await ctx.store.service.call('report.brief', { id, options, format }))
}

/**
 * The status report a piece at a time, as the store is read (core/service/report.ts): a report of
 * any size is written without being held whole. Its options checked by the service's contract.
 */
function reportChunks(ctx: CliContext): Iterable<string> {
  const { args } = ctx
  const format: ReportFormat = choice('format', args.format, REPORT_FORMATS) ?? 'html'
  const options = {
    at: resolveAt(ctx),
    tz: ctx.zone,
    lang: ctx.locale,
    includeNotes: args.includeNotes,
    charts: args.charts,
    days: days(args.days),
    paper: choice('paper', args.paper, ['A4', 'Letter'] as const),
    orientation: choice('orientation', args.orientation, ['portrait', 'landscape'] as const),
    filter: listFilterOf(args),
  }
  const input = api['report.build'].input.safeParse({ options, format })
  if (!input.success) return unwrap(validationFailure(input.error))
  return reportFileChunks(ctx.store.core.context, input.data.options, input.data.format)
}

export async function reportCommand(ctx: CliContext): Promise<void> {
  const { args } = ctx
  if (args.positionals.length > 0) throw new UsageError(`report takes no arguments (got "${args.positionals[0]}")`)
  const chunks = args.measure === undefined ? reportChunks(ctx) : [(await briefFile(ctx, args.measure)).content]
  if (!args.out) {
    printChunks(ctx, chunks)
    return
  }
  try {
    writeChunksAtomically(args.out, chunks)
  } catch (error) {
    // Only a failure to write is the file's; one reading the store is said as such (storage-errors.ts).
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error
    throw new CliFailure(`Cannot write ${args.out}: ${(error as Error).message}`, EXIT.failure)
  }
  ctx.out(ctx.t('report.written', { file: args.out }))
}
