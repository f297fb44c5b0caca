// exchange.import through the browser host, read the way the command line reads a file: the body
// goes to a private temporary file as it arrives (never held whole); the core then imports that
// file (core/service/import-request-file.ts, in the core's worker). A body that is not a whole,
// valid file changes nothing: the store is written only once every measure has been checked.
import type { IncomingMessage } from 'node:http'
import { open } from 'node:fs/promises'
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
