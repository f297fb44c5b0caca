// The browser host's guards, as pure functions over request headers so each refusal is tested
// on its own. The host is reachable by every page the user's browser opens and by every other
// local user, so it trusts nothing but its own origin and the per-run secret, which exists only
// in the URL the host printed (and, once that URL has been opened, in an HttpOnly cookie).
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

/** The query parameter of the printed URL that carries the secret (as Jupyter's `?token=`). */
export const TOKEN_PARAM = 'token'

/**
 * The session cookie's name. Browsers send a cookie for 127.0.0.1 to every port of it, so the
 * port is in the name: two hosts on two ports (or a host restarted on another port) do not
 * overwrite each other's cookie.
 */
export function sessionCookieName(port: number): string {
  return `measure-tracker-${port}`
}

/**
 * The Set-Cookie value that lets this browser profile in. HttpOnly: no script (an XSS, an
 * extension's content script) can read it. SameSite=Strict: no other site's page can make the
 * browser send it, not even a top-level link. Path=/ and no Domain: this host name only. No
 * Max-Age: it ends with the browser session, and the value is new on every run of the host.
 */
export function sessionCookie(port: number, value: string): string {
  return `${sessionCookieName(port)}=${value}; HttpOnly; SameSite=Strict; Path=/`
}

/** Every value the Cookie header gives for `name` (a browser may send the same name twice). */
export function cookieValues(header: string | string[] | undefined, name: string): string[] {
  const values: string[] = []
  for (const line of Array.isArray(header) ? header : header === undefined ? [] : [header]) {
    for (const pair of line.split(';')) {
      const at = pair.indexOf('=')
      if (at < 0) continue
      if (pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim())
    }
  }
  return values
}

/** True when the request carries this run's session cookie (compared in constant time). */
export function hasSession(headers: IncomingHttpHeaders, port: number, session: string): boolean {
  return cookieValues(headers.cookie, sessionCookieName(port)).some((value) => tokenMatches(value, session))
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

/** Which requests a check applies to: the API and the event stream, the page and its files, or the calendar address. */
export type RequestKind = 'api' | 'events' | 'static' | 'calendar'

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
  // The calendar address is opened like a page (a calendar program sends no fetch metadata).
  if (kind === 'static' || kind === 'calendar') {
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
