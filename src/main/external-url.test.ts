import { describe, expect, it, vi } from 'vitest'
import { MAX_EXTERNAL_URL_LENGTH, externalOpener, isSafeExternalUrl, toSafeExternalUrl } from './external-url.ts'

const HOSTILE: [string, unknown][] = [
  ['javascript: URL', 'javascript:alert(1)'],
  ['javascript: in mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript: behind a leading space', ' javascript:alert(1)'],
  ['javascript: split by a tab', 'java\tscript:alert(1)'],
  ['javascript: split by a newline', 'java\nscript:alert(1)'],
  ['javascript: with a fake authority', 'javascript://example.com/%0Aalert(1)'],
  ['data: HTML', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['file: URL', 'file:///etc/passwd'],
  ['file: UNC share', 'file://attacker.example/share/payload.exe'],
  ['vbscript:', 'vbscript:msgbox("x")'],
  ['smb: share', 'smb://attacker.example/share'],
  ['ms-msdt: (Follina)', 'ms-msdt:/id PCWDiagnostic /skip force'],
  ['ms-settings:', 'ms-settings:privacy'],
  ['search-ms:', 'search-ms:query=invoice&crumb=location:\\\\attacker.example\\share'],
  ['custom app scheme', 'slack://open?team=T123'],
  ['mailto:', 'mailto:someone@example.com'],
  ['ftp:', 'ftp://example.com/file.txt'],
  ['chrome:', 'chrome://settings'],
  ['devtools:', 'devtools://devtools/bundled/inspector.html'],
  ['about:', 'about:blank'],
  ['blob:', 'blob:https://example.com/550e8400-e29b-41d4-a716-446655440000'],
  ['view-source:', 'view-source:https://example.com'],
  ['https without slashes', 'https:evil.example'],
  ['https with one slash', 'https:/evil.example'],
  ['https with three slashes', 'https:///evil.example'],
  ['https with backslashes', 'https:\\\\evil.example'],
  ['http with mixed slashes', 'http:/\\evil.example'],
  ['protocol-relative', '//evil.example/path'],
  ['relative path', '/measures/123'],
  ['empty string', ''],
  ['scheme only', 'https://'],
  ['empty host before path', 'https:///'],
  ['user and password', 'https://user:pass@evil.example/'],
  ['user only', 'https://user@evil.example/'],
  ['empty credentials', 'https://@evil.example/'],
  ['credential confusion', 'https://www.federalregister.gov@evil.example/'],
  ['encoded @ in host', 'https://www.example.com%40evil.example/'],
  ['leading space', ' https://example.com'],
  ['trailing space', 'https://example.com '],
  ['trailing newline', 'https://example.com\n'],
  ['NUL in path', 'https://example.com/\u0000'],
  ['space in host', 'http://exa mple.com'],
  ['line separator', 'https://example.com/\u2028'],
  ['zero-width space in host', 'https://exa\u200bmple.com'],
  ['right-to-left override', 'https://example.com/\u202etxt.exe'],
  ['Cyrillic homograph host', 'https://аpple.com/'],
  ['full-width characters', 'ｈｔｔｐｓ://example.com'],
  ['non-ASCII host with ASCII look', 'https://exаmple.com/login'],
  ['too long', `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ['null', null],
  ['undefined', undefined],
  ['number', 42],
  ['object with toString', { toString: () => 'https://example.com' }],
  ['URL object', new URL('https://example.com')],
]

describe('isSafeExternalUrl', () => {
  it.each(HOSTILE)('refuses %s', (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
    expect(toSafeExternalUrl(url)).toBeNull()
  })

  it('has a hostile list of at least 20 cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20)
  })

  it.each([
    [
      'https://www.federalregister.gov/documents/2025/11/07/2025-19825/notice',
      'https://www.federalregister.gov/documents/2025/11/07/2025-19825/notice',
    ],
    ['http://english.mofcom.gov.cn/article/policyrelease/', 'http://english.mofcom.gov.cn/article/policyrelease/'],
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://WWW.Example.COM/Path', 'https://www.example.com/Path'],
    ['https://example.com:8443/a?b=c#d', 'https://example.com:8443/a?b=c#d'],
    ['https://example.com/path?q=a@b#@frag', 'https://example.com/path?q=a@b#@frag'],
    ['https://xn--80ak6aa92e.com/', 'https://xn--80ak6aa92e.com/'],
    ['https://www.gov.cn/zhengce/商务部公告.htm', 'https://www.gov.cn/zhengce/%E5%95%86%E5%8A%A1%E9%83%A8%E5%85%AC%E5%91%8A.htm'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
    ['https://[2001:db8::1]/', 'https://[2001:db8::1]/'],
  ])('accepts %s as %s', (url, normalized) => {
    expect(isSafeExternalUrl(url)).toBe(true)
    expect(toSafeExternalUrl(url)).toBe(normalized)
  })
})

describe('externalOpener', () => {
  it('opens the normalized URL of a web link', async () => {
    const shell = { openExternal: vi.fn(async () => {}) }
    expect(await externalOpener(shell)('HTTPS://Example.com')).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/')
  })
  it.each(HOSTILE)('never hands %s to the shell', async (_name, url) => {
    const shell = { openExternal: vi.fn(async () => {}) }
    expect(await externalOpener(shell)(url as string)).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})
