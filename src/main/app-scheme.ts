// The app's own URL scheme. The built page is served from `measure-tracker://app/` by
// protocol.handle (app-protocol.ts), never from file://: on file:// the origin is every local
// file, so `'self'` in the CSP admitted a script or fetch from any path on the disk, and Electron
// grants file:// pages extra privileges (that fuse is off in the packaged build, see
// electron-builder.yml). On a standard, secure custom scheme the page has an origin of its own.
// No Electron import: the navigation guards, the IPC sender check and the tests read these too.
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'measure-tracker'
export const APP_HOST = 'app'
/** What location.origin reads in the app's window. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The one page the window loads (hash routing after it). */
export const APP_INDEX_PATH = '/index.html'
export const APP_INDEX_URL = `${APP_ORIGIN}${APP_INDEX_PATH}`

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready.
 * - standard: relative URLs resolve, and the page gets a real origin (storage, 'self');
 * - secure: a secure context, like https (the APIs that need one work as they do in a browser);
 * - supportFetchAPI: module scripts and fetch() may load from it (Vite emits module scripts);
 * - codeCache: V8 may cache the bundle's compiled code between starts.
 * Deliberately NOT bypassCSP (the policy is the point), nor allowServiceWorkers, corsEnabled
 * (no other origin may read our files) or stream (no audio or video).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
}

/**
 * The print windows' scheme (print.ts): the report being printed, served from memory in the
 * print session only (the app's window cannot load it). Standard and secure so the document has
 * an origin of its own; nothing else: JavaScript is off in those windows.
 */
export const PRINT_SCHEME = 'measure-tracker-print'
export const PRINT_HOST = 'document'
export const PRINT_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: PRINT_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    codeCache: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
}
