// Serving the built renderer, the rules both servers share: the browser host (src/web/static.ts)
// and the Electron app scheme (src/main/app-protocol.ts). Pure string rules (no Node), so each
// server keeps only its own transport and file-system checks.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
}

/** By the last segment's extension; anything else is opaque bytes (sent with nosniff, so never run as script or styles). */
export function contentTypeFor(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const dot = name.lastIndexOf('.')
  return (dot > 0 && CONTENT_TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream'
}

/**
 * One raw path segment, decoded, or null when it cannot name a file inside the served folder: it
 * decodes to `.`, `..` or any dotfile, or holds a slash, backslash, colon or NUL (so `%2e%2e`,
 * `..%2f`, `%5c`, `C:` and `%00` all fail here, before a file system sees them), or its
 * percent-encoding is broken.
 */
export function decodeSafeSegment(raw: string): string | null {
  let segment: string
  try {
    segment = decodeURIComponent(raw)
  } catch {
    return null
  }
  return segment.startsWith('.') || /[/\\:\0]/.test(segment) ? null : segment
}
