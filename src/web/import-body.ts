// exchange.import through the browser host, read the way the command line reads a file: the body
// goes to a private temporary file as it arrives (never held whole), is scanned for the
// hostile-input bounds, then imported one measure at a time into staging
// (core/exchange/exchange-reader.ts, importExchangeParts). A body that is not a whole, valid
// file changes nothing: the store is written only once every measure has been checked.
import type { IncomingMessage } from 'node:http'
import { open } from 'node:fs/promises'
import { ExchangeFileRefused, readExchangeFile, type ExchangeFileRead } from '../core/exchange/exchange-reader.ts'
import type { Service } from '../core/service/index.ts'
import { issuesOf } from '../core/service/exchange.ts'
import { importExchangeParts } from '../core/service/exchange-stream.ts'
import { api } from '../shared/api.ts'
import type { ImportReport } from '../shared/exchange.ts'
import { fail, formatIssuePath, type Result } from '../shared/result.ts'
import { BodyTimedOut, BodyTooLarge } from './limits.ts'

/** The connection closed before the whole body arrived: there is no one to answer. */
export class BodyAborted extends Error {}

/**
 * Writes the request body to a new file at `path` (0600) as it arrives, pausing the request while
 * each chunk is written. Refuses before reading a byte when Content-Length is over `limit`, and
 * stops as soon as the bytes received pass it; gives up after `timeoutMs`. `proceed` runs once the
 * declared length has passed (the host answers `Expect: 100-continue` there). Resolves with the
 * byte count; on a refusal the request is left paused for the caller to answer.
 */
export async function spoolBody(
  request: IncomingMessage,
  path: string,
  limit: number,
  timeoutMs: number,
  proceed: () => void = () => {},
): Promise<number> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit)
  const file = await open(path, 'wx', 0o600)
  try {
    proceed()
    return await new Promise<number>((resolveBody, reject) => {
      let total = 0
      let settled = false
      let writing: Promise<unknown> = Promise.resolve()
      const stop = (error: Error | null): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        request.off('data', onData)
        request.off('end', onEnd)
        request.off('error', onError)
        request.off('close', onClose)
        if (error === null) writing.then(() => resolveBody(total), reject)
        else {
          request.pause()
          reject(error)
        }
      }
      const onData = (chunk: Buffer): void => {
        total += chunk.length
        if (total > limit) return stop(new BodyTooLarge(limit))
        request.pause()
        writing = writing.then(() => file.write(chunk)).then(() => settled || request.resume())
        writing.catch((error: Error) => stop(error))
      }
      const onEnd = (): void => stop(null)
      const onError = (error: Error): void => stop(error)
      const onClose = (): void => stop(new BodyAborted('The connection closed before the request body arrived'))
      const timer = setTimeout(() => stop(new BodyTimedOut(timeoutMs)), timeoutMs)
      request.on('data', onData)
      request.on('end', onEnd)
      request.on('error', onError)
      request.on('close', onClose)
    })
  } finally {
    await file.close()
  }
}

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
export function importSpooledBody(service: Service, path: string): ImportAnswer {
  let read: ExchangeFileRead
  try {
    read = readExchangeFile(path, { under: 'file' })
  } catch (error) {
    if (error instanceof ExchangeFileRefused) return refusal(error)
    throw error
  }
  // No list of measures (not an export, or no body): small, parsed whole, checked by the service.
  if ('whole' in read) return { status: 200, result: service.call('exchange.import', read.whole) as Result<ImportReport> }
  const { file, ...rest } = read.parts.header as Record<string, unknown>
  const options = api['exchange.import'].input.safeParse({ ...rest, file: null })
  if (!options.success) {
    const issues = issuesOf(options.error)
    const message = issues.map((i) => (i.path.length ? `${formatIssuePath(i.path)}: ${i.message}` : i.message)).join('; ')
    return { status: 200, result: fail('VALIDATION', message, { issues }) }
  }
  try {
    const { dryRun, replace } = options.data
    return { status: 200, result: importExchangeParts(service.context, { ...read.parts, header: file }, { dryRun, replace }) }
  } catch (error) {
    // A measure that is not JSON, found on the second pass: nothing was staged into the store.
    if (error instanceof ExchangeFileRefused) return refusal(error)
    throw error
  }
}
