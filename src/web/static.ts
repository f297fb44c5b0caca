// Serving the built renderer: a request path becomes a file inside the renderer folder or nothing.
// No directory listings, no dotfiles, nothing outside the folder (however the path is encoded,
// and whatever a symlink inside points at).
import { realpath, stat, readFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { decodeSafeSegment } from '../shared/static-files.ts'

/**
 * Splits a request path into safe, decoded segments, or null when it cannot name a file inside
 * the folder: a segment that decodes to `.`, `..`, a dotfile, or contains a slash, backslash or
 * NUL (so `%2e%2e`, `..%2f`, `%5c` and `%00` tricks all fail here, before the file system sees them).
 */
export function safeSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    if (raw === '') continue
    const segment = decodeSafeSegment(raw)
    if (segment === null) return null
    segments.push(segment)
  }
  return segments
}

/** True when a path has a file extension in its last segment (`/assets/app.js`, not `/measures/x`). */
export function hasExtension(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? ''
  return /\.[A-Za-z0-9]+$/.test(last)
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
}

export interface StaticFile {
  path: string
  size: number
}

/**
 * The regular file a request path names inside `root`, or null. Directories are never listed;
 * symlinks are followed only when they stay inside the folder.
 */
export async function findStaticFile(root: string, pathname: string): Promise<StaticFile | null> {
  const segments = safeSegments(pathname)
  if (segments === null || segments.length === 0) return null
  const absoluteRoot = resolve(root)
  const candidate = join(absoluteRoot, ...segments)
  if (!isInside(absoluteRoot, candidate)) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(absoluteRoot), realpath(candidate)])
    if (!isInside(realRoot, realFile)) return null
    const info = await stat(realFile)
    if (!info.isFile()) return null
    return { path: realFile, size: info.size }
  } catch {
    return null
  }
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The renderer's index.html as built, or null when the renderer has not been built. Nothing is
 * put into it: the page authenticates by the session cookie, so it carries no secret a reader of
 * the page (another local user, a rebinding page) could take.
 */
export async function readIndexHtml(root: string): Promise<string | null> {
  const file = await findStaticFile(root, '/index.html')
  if (!file) return null
  return readFile(file.path, 'utf8')
}

/** What the host shows when there is no built renderer to serve. */
export function missingBuildPage(root: string): string {
  const escaped = escapeAttribute(root)
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Measure Tracker — not built</title></head>
<body>
<h1>The app has not been built yet</h1>
<p>There is no <code>index.html</code> in <code>${escaped}</code>.</p>
<p>Run <code>npm run web</code>, which builds the app before starting this server,
or build it once with <code>npx electron-vite build</code> and reload this page.</p>
</body>
</html>
`
}
