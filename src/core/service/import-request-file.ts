// An exchange.import request whose body the browser host spooled to a file, read the way the
// command line reads a file: scanned for the hostile-input bounds, then imported one measure at a
// time into staging (core/exchange/exchange-reader.ts, importExchangeParts). Runs beside the
// database (the core's worker), so the host's thread never parses or stages a measure.
import { ExchangeFileRefused, readExchangeFile, type ExchangeFileRead } from '../exchange/exchange-reader.ts'
import { api } from '../../shared/api.ts'
import type { ImportReport } from '../../shared/exchange.ts'
import { fail, type Result } from '../../shared/result.ts'
import { validationFailure } from '../../shared/validation-failure.ts'
import { importExchangeParts } from './exchange-stream.ts'
import type { Core } from './index.ts'

/** An answer: HTTP status and the Result it carries. */
export interface ImportAnswer {
  status: number
  result: Result<ImportReport>
}

const refusal = (error: ExchangeFileRefused): ImportAnswer =>
  error.reason === 'bounds'
    ? // Before JSON.parse builds anything: a hostile shape costs many times its size once parsed.
      { status: 400, result: fail('VALIDATION', `The file cannot be imported: ${error.message}. Nothing was changed.`) }
    : {
        status: 400,
        result: fail('VALIDATION', `The request body is not valid JSON (truncated or damaged?): ${error.message}. Nothing was changed.`),
      }

/**
 * Imports the body spooled at `path` (`{"file": {...}, "replace": …, "dryRun": …}`) as the
 * command line imports a file: the file's measures one at a time; the options around it are
 * checked by the same schema the service uses.
 */
export function importRequestFile(core: Core, path: string): ImportAnswer {
  let read: ExchangeFileRead
  try {
    read = readExchangeFile(path, { under: 'file' })
  } catch (error) {
    if (error instanceof ExchangeFileRefused) return refusal(error)
    throw error
  }
  // No list of measures (not an export, or no body): small, parsed whole, checked by the service.
  if ('whole' in read) return { status: 200, result: core.call('exchange.import', read.whole) as Result<ImportReport> }
  const { file, ...rest } = read.parts.header as Record<string, unknown>
  const options = api['exchange.import'].input.safeParse({ ...rest, file: null })
  if (!options.success) return { status: 200, result: validationFailure(options.error) }
  try {
    const { dryRun, replace } = options.data
    return { status: 200, result: importExchangeParts(core.context, { ...read.parts, header: file }, { dryRun, replace }) }
  } catch (error) {
    // A measure that is not JSON, found on the second pass: nothing was staged into the store.
    if (error instanceof ExchangeFileRefused) return refusal(error)
    throw error
  }
}
