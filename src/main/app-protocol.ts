// The handler behind `measure-tracker://app/…` (protocol.handle): the built renderer folder
// (out/renderer), file by file, each response carrying the app's Content-Security-Policy.
//
// It takes the file system as a parameter and speaks the web's Request/Response, so the same
// function serves the Electron scheme, the unit tests (fake or temporary folders) and the e2e
// test, which puts it behind a loopback HTTP server to check in Chromium the policy this scheme
// really sends. No Electron import.
//
// A request names a file inside the folder or gets 403/404: the path is checked in its raw form,
// before any URL parser can fold `..` or `%2e%2e` away (Chromium already canonicalizes the URLs it
// hands us; this is the second line), then the file's real path must still be inside the folder's
// real path (a symlink out is refused), and it must be a regular file (no directory listings).
import { join, sep } from 'node:path'
import { contentTypeFor, decodeSafeSegment } from '../shared/static-files.ts'
import { APP_HOST, APP_INDEX_PATH, APP_SCHEME } from './app-scheme.ts'

/** The part of node:fs/promises the handler reads with (Electron's fs also reads inside app.asar). */
export interface ProtocolFs {
  realpath(path: string): Promise<string>
  stat(path: string): Promise<{ isFile(): boolean }>
  readFile(path: string): Promise<Uint8Array>
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  root: string
  /** The Content-Security-Policy header sent with every response, refusals included. */
  policy: string
  fs: ProtocolFs
}

/** What the handler reads from a request: Electron's GlobalRequest, or a plain object in tests. */
export type ProtocolRequest = Pick<Request, 'url' | 'method'>
export type AppProtocolHandler = (request: ProtocolRequest) => Promise<Response>

const PREFIX = `${APP_SCHEME}://${APP_HOST}/`

/**
 * The decoded path segments a raw URL names on our scheme and host, or null when it cannot name
 * a file inside the folder: another scheme, host, port or user; an empty segment (`//etc`); a
 * segment that decodes to `.`/`..` or any dotfile, or holds a slash, backslash, colon or NUL
 * (`%2e%2e`, `..%2f`, `%5c`, `C:`, `%00`); bad percent-encoding. `/` is the index page.
 */
export function requestedSegments(url: string): string[] | null {
  if (typeof url !== 'string' || url.length > 4096) return null
  if (url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null
  const rawPath = url.slice(PREFIX.length).split(/[?#]/, 1)[0] ?? ''
  if (rawPath === '') return APP_INDEX_PATH.slice(1).split('/')
  const segments: string[] = []
  for (const raw of rawPath.split('/')) {
    // Unlike the browser host, an empty segment (`//etc`) is refused, not skipped.
    const segment = raw === '' ? null : decodeSafeSegment(raw)
    if (segment === null) return null
    segments.push(segment)
  }
  return segments
}

export function createAppProtocolHandler({ root, policy, fs }: AppProtocolOptions): AppProtocolHandler {
  const headers = (contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // A rebuilt renderer is picked up on the next load (the files are local: no cost).
    'Cache-Control': 'no-cache',
  })
  const refuse = (status: 403 | 404 | 405, text: string) => new Response(text, { status, headers: headers('text/plain; charset=utf-8') })

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
    const segments = requestedSegments(request.url)
    if (segments === null) return refuse(403, 'Forbidden')
    try {
      const base = await fs.realpath(root)
      const real = await fs.realpath(join(base, ...segments))
      if (!real.startsWith(base.endsWith(sep) ? base : base + sep)) return refuse(403, 'Forbidden')
      if (!(await fs.stat(real)).isFile()) return refuse(404, 'Not found')
      const body = request.method === 'HEAD' ? null : await fs.readFile(real)
      return new Response(body as ConstructorParameters<typeof Response>[0], { status: 200, headers: headers(contentTypeFor(real)) })
    } catch {
      // Missing, unreadable, or the folder itself is gone: the same answer, no detail.
      return refuse(404, 'Not found')
    }
  }
}
