import { describe, expect, it } from 'vitest'
import { contentTypeFor, decodeSafeSegment } from './static-files.ts'

describe('contentTypeFor', () => {
  it('goes by the last segment’s extension, case-insensitively', () => {
    expect(contentTypeFor('/r/assets/index-abc.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('C:\\r\\index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('icon.avif')).toBe('image/avif')
  })

  it('serves anything else as opaque bytes: no extension, a dot only in a folder name, a dotfile', () => {
    for (const path of ['/r/LICENSE', '/r/a.b/c', '/r/.js', '/r/x.exe']) expect(contentTypeFor(path), path).toBe('application/octet-stream')
  })
})

describe('decodeSafeSegment', () => {
  it('decodes an ordinary segment', () => {
    expect(decodeSafeSegment('a%20b.css')).toBe('a b.css')
    expect(decodeSafeSegment('%E5%A0%B1%E5%91%8A.pdf')).toBe('報告.pdf')
  })

  it('refuses what could leave the folder or name a hidden file, however encoded', () => {
    for (const raw of ['..', '.', '%2e%2e', '.%2E', '..%2f', '%2fetc', '%5c', 'C:', 'a%00b', '.env', '%E0%A4%A']) {
      expect(decodeSafeSegment(raw), raw).toBeNull()
    }
  })
})
