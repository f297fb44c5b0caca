// The browser host's guards, as pure functions over request headers so each refusal is tested
// on its own. The host is reachable by every page the user's browser opens, so it trusts
// nothing but its own origin and the per-run secret that only the served page knows.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** A fresh secret for one run of the host: 32 random bytes, base64url (43 characters). */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Compares a presented token with the expected one in constant time. Both sides are hashed first,
 * so neither the length nor a matching prefix of the secret leaks through timing.
 */
export function tokenMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || expected.length === 0) return false
  const a = createHash('sha256').update(presented, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(a, b)
}

/** The names the host answers to: its loopback address and `localhost`, on its own port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`)
}

/** Why a request is refused, in words for the response body; null when it passes. */
export type Refusal = string | null

/** Which requests a check applies to: the API and the event stream, or the page and its files. */
export type RequestKind = 'api' | 'events' | 'static'

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * DNS rebinding: a hostile name that resolves to 127.0.0.1 reaches this port with its own name in
 * `Host`. Only the exact loopback names with our port pass (host names compare case-insensitively).
 */
export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal {
  const host = single(headers.host)
  if (host === undefined || host === '') return 'missing Host header'
  if (!allowedHosts(port).includes(host.toLowerCase())) return `Host "${host}" is not this server`
  return null
}

/**
 * Cross-origin requests from other pages (another local dev server, a site on the web, a sandboxed
 * frame sending `Origin: null`) carry their own origin. Absent is fine: same-origin GETs and
 * non-browser clients do not send one.
 */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): Refusal {
  const origin = single(headers.origin)
  if (origin === undefined) return null
  if (!allowedOrigins(port).includes(origin.toLowerCase())) return `Origin "${origin}" is not this server`
  return null
}

/**
 * Fetch metadata. The API and the event stream are only ever called by the page itself
 * (`same-origin`), so `cross-site` and `same-site` (another port on localhost) are refused there.
 * For the page and its files only `cross-site` is refused, and a top-level navigation is let
 * through: following a link to the app is harmless (COOP severs the opener, frame-ancestors
 * forbids framing), while a cross-site subresource read is not.
 */
export function checkFetchSite(headers: IncomingHttpHeaders, kind: RequestKind): Refusal {
  const site = single(headers['sec-fetch-site'])
  if (site === undefined) return null
  const normalized = site.toLowerCase()
  if (kind === 'static') {
    if (normalized !== 'cross-site') return null
    const mode = single(headers['sec-fetch-mode'])?.toLowerCase()
    const dest = single(headers['sec-fetch-dest'])?.toLowerCase()
    if (mode === 'navigate' && dest === 'document') return null
    return 'cross-site request refused'
  }
  if (normalized === 'cross-site' || normalized === 'same-site') return `${normalized} request refused`
  return null
}

/** Host, then Origin, then fetch metadata: the first refusal wins. */
export function checkRequestSource(headers: IncomingHttpHeaders, port: number, kind: RequestKind): Refusal {
  return checkHost(headers, port) ?? checkOrigin(headers, port) ?? checkFetchSite(headers, kind)
}
