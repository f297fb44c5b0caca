// What counts as the app's own page, and the guards that keep every window on it: navigation
// and redirects elsewhere are refused, new windows are never opened (web links go to the system
// browser through the validator), webviews are never attached, and no permission is granted.
import type { Session, WebContents } from 'electron'
import { APP_INDEX_URL } from './app-scheme.ts'
import { toSafeExternalUrl } from './external-url.ts'

export interface AppLocation {
  /** Development (`electron-vite dev`): ELECTRON_RENDERER_URL, the Vite dev server. */
  devServerUrl?: string | undefined
}

export type AppUrlMatcher = (url: string) => boolean

/**
 * True for the app's page and nothing else: in production measure-tracker://app/index.html (any
 * query or #route; no file:// URL, not even our own index.html), in development any URL on the
 * dev server's origin.
 */
export function appUrlMatcher(location: AppLocation = {}): AppUrlMatcher {
  if (location.devServerUrl) {
    const dev = new URL(location.devServerUrl)
    if (dev.protocol !== 'http:' && dev.protocol !== 'https:') throw new Error(`Unexpected dev server URL: ${location.devServerUrl}`)
    return (url) => {
      const parsed = parse(url)
      return parsed !== null && parsed.origin === dev.origin && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
    }
  }
  // Chromium hands over canonical URLs (scheme and host lower-cased, dot segments resolved), so
  // the page is exactly this text up to its query or #route; any other spelling is not ours.
  return (url) => typeof url === 'string' && url.length <= 8192 && url.split(/[?#]/, 1)[0] === APP_INDEX_URL
}

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

export interface GuardOptions {
  isAppUrl: AppUrlMatcher
  /** Opens a validated http(s) URL in the system browser (shell.openExternal). */
  openExternal: (url: string) => void
}

type Guarded = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Installs the navigation guards on one webContents (every one the app creates). */
export function guardWebContents(contents: Guarded, { isAppUrl, openExternal }: GuardOptions): void {
  const openInBrowser = (url: string) => {
    const safe = toSafeExternalUrl(url)
    if (safe) openExternal(safe)
  }
  // A link without target=_blank, a script assigning location, a dropped link: the page stays;
  // a web link opens in the browser, as a target=_blank link would.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    openInBrowser(event.url)
  })
  // Subframes: only the report preview's srcdoc frame (sandboxed, no scripts) may load; any
  // URL-backed frame is refused (the CSP forbids them too).
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url) || event.url === 'about:srcdoc') return
    event.preventDefault()
  })
  // A server redirect away from the app is refused outright.
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url)
    return { action: 'deny' }
  })
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>

/** The app needs no camera, microphone, location, notifications-by-page, clipboard read, HID… */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
