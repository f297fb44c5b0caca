// The app's Content-Security-Policy. In production the page comes from measure-tracker://app/
// (app-protocol.ts), whose handler sends this policy with every response; index.html carries the
// same policy in a <meta> tag (metaContentSecurityPolicy), which is what still applies should
// anything ever load the page without the header. The renderer is a bundled Vue app: scripts and
// styles from its own files on its own origin, no inline script, no eval, no data: or file:
// scripts, no remote anything, no frames with a URL, no plugins.
//
// Why `'self'` is now enough: on file:// it matched every local file (the page's origin was the
// whole disk); on the custom scheme it matches only measure-tracker://app. The report preview
// is an `<iframe srcdoc>` (no URL, no request: frame-src 'none' does not stop it) that inherits
// this policy; it shows the report's CSS through CSSOM (src/renderer/src/logic/report-frame.ts),
// which style-src does not govern, and its embedded images are data: URLs, hence img-src data:.
import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse } from 'electron'

export interface CspOptions {
  /** `electron-vite dev`: the dev server's origin (e.g. http://localhost:5173) for HMR. */
  devServerUrl?: string | undefined
}

type Directives = [string, string[]][]

function directives(options: CspOptions): Directives {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // Vite's dev server injects component styles as <style> elements; a build emits CSS files.
    ['style-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['connect-src', dev ? ["'self'", `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`] : ["'self'"]],
    // The favicon is `data:,` and the report embeds its images as data: URLs.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ]
}

const serialize = (list: Directives) => list.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ')

/** The header policy (protocol handler in production, webRequest for the dev server). */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(directives(options))
}

/**
 * Directives a <meta> policy cannot carry: Chromium ignores them there and logs an error, so
 * the tag leaves them out and the header alone enforces them.
 */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox']

/** The policy of index.html's <meta http-equiv="Content-Security-Policy"> (production build). */
export function metaContentSecurityPolicy(): string {
  return serialize(directives({}).filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)))
}

/** The part of Electron's session.webRequest the policy needs (a fake in tests). */
export interface WebRequestLike {
  onHeadersReceived(
    listener: (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void,
  ): void
}

/**
 * Adds the policy to every response in the app's session. In development that is how the dev
 * server's page gets it; in production the scheme's handler already sends it, and this adds it
 * again (the same policy twice enforces nothing new). The app loads nothing but its own files (or
 * the dev server), so anything else that slipped in would get the same strict policy, not none.
 */
export function installContentSecurityPolicy(webRequest: WebRequestLike, policy: string): void {
  webRequest.onHeadersReceived((details, callback) => {
    // A policy the response already carries is kept: several policies are all enforced.
    const theirs = details.responseHeaders?.['Content-Security-Policy'] ?? []
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy, ...theirs] } })
  })
}
