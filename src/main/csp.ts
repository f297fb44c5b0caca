// The app's Content-Security-Policy, sent as a response header on everything the window loads.
// The renderer is a bundled Vue app: scripts and styles from its own files, no inline script,
// no eval, no remote anything, no frames, no plugins.
import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse } from 'electron'

export interface CspOptions {
  /** `electron-vite dev`: the dev server's origin (e.g. http://localhost:5173) for HMR. */
  devServerUrl?: string | undefined
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    // Vite's dev server injects component styles as <style> elements; a build emits CSS files.
    ['style-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', dev ? ["'self'", `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`] : ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['media-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['child-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ]
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ')
}

/** The part of Electron's session.webRequest the policy needs (a fake in tests). */
export interface WebRequestLike {
  onHeadersReceived(listener: (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void): void
}

/**
 * Adds the policy to every response in the app's session. The app loads nothing but its own
 * files (or the dev server), so one policy for all responses is the app origin's policy; anything
 * else that slipped in would get the same strict policy rather than none.
 */
export function installContentSecurityPolicy(webRequest: WebRequestLike, policy: string): void {
  webRequest.onHeadersReceived((details, callback) => {
    // A policy the response already carries is kept: several policies are all enforced.
    const theirs = details.responseHeaders?.['Content-Security-Policy'] ?? []
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy, ...theirs] } })
  })
}
