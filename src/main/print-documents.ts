// The documents the print windows show, held in memory and served on
// measure-tracker-print://document/<random id> by the print session's protocol handler — rather
// than written to a temporary file and loaded over file:// (the app loads nothing from file://,
// and the packaged build takes file:// pages' extra privileges away). A data: URL is no option
// either: Chromium refuses those over 2 MB, and a report of a thousand measures is bigger.
//
// Each document is reachable only under its unguessable id, only while its print job runs, only
// with GET, and always with the report's own policy (PRINT_CSP: no script, no request but inline
// data: images). No Electron import: the handler speaks the web's Request/Response.
import { randomUUID } from 'node:crypto'
import { PRINT_HOST, PRINT_SCHEME } from './app-scheme.ts'

export interface PrintDocument {
  url: string
  /** Forgets the document: its URL answers 404 from then on. */
  remove(): void
}

export interface PrintDocuments {
  add(html: string): PrintDocument
  /** For session.protocol.handle(PRINT_SCHEME, …) in the print session. */
  handle(request: Pick<Request, 'url' | 'method'>): Promise<Response>
}

const PREFIX = `${PRINT_SCHEME}://${PRINT_HOST}/`

export function createPrintDocuments(policy: string, newId: () => string = randomUUID): PrintDocuments {
  const documents = new Map<string, string>()
  const headers = (type: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  })
  return {
    add(html) {
      const id = newId()
      documents.set(id, html)
      return { url: `${PREFIX}${id}`, remove: () => documents.delete(id) }
    },
    async handle(request) {
      // The exact URL handed out (Chromium passes it back canonical): no query, no other path.
      const id = typeof request.url === 'string' && request.url.startsWith(PREFIX) ? request.url.slice(PREFIX.length) : ''
      const html = request.method === 'GET' ? documents.get(id) : undefined
      if (html === undefined) return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') })
      return new Response(html, { status: 200, headers: headers('text/html; charset=utf-8') })
    },
  }
}
