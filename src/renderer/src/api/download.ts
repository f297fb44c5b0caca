// Saving a file from the browser page (the browser host has no save dialog): the content becomes
// a Blob, a temporary <a download> is clicked, and its object URL is revoked once the browser has
// taken the download. The browser decides where the file goes (usually Downloads), so the "path"
// reported back is the file's name.
import type { SaveFileRequest } from '../../../shared/bridge.ts'

export interface DownloadEnvironment {
  document: Document
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>
  Blob: typeof Blob
  /** Defers the revocation: revoking in the same task as the click can cancel the download. */
  defer?: (run: () => void) => void
}

/** Only a plain file name reaches `download` (no folders, no control characters). */
export function safeDownloadName(filename: string): string {
  const cleaned = filename
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  return cleaned.slice(0, 200) || 'download'
}

export function downloadFile(file: SaveFileRequest, env: DownloadEnvironment): { path: string } {
  const name = safeDownloadName(file.filename)
  const blob = new env.Blob([file.content], { type: file.mimeType })
  const url = env.URL.createObjectURL(blob)
  const link = env.document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.hidden = true
  env.document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    const revoke = () => env.URL.revokeObjectURL(url)
    if (env.defer) env.defer(revoke)
    else setTimeout(revoke, 1000)
  }
  return { path: name }
}
