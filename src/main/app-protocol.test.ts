// The scheme's handler over a real temporary folder (node:fs/promises, as the app passes it):
// what the window would receive for each URL.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler, requestedSegments, type AppProtocolHandler } from './app-protocol.ts'
import { contentTypeFor } from '../shared/static-files.ts'
import { APP_INDEX_URL } from './app-scheme.ts'
import { contentSecurityPolicy } from './csp.ts'

const POLICY = contentSecurityPolicy()
let dir: string
let root: string
let handle: AppProtocolHandler
// A raw URL string, as Chromium could hand it over: `new Request()` would fold `..` away first.
const get = (url: string, method = 'GET') => handle({ url, method })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt-scheme-'))
  root = join(dir, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Measure Tracker</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2')
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x')
  writeFileSync(join(root, '.env'), 'SECRET=1')
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder')
  mkdirSync(join(dir, 'renderer-evil'))
  writeFileSync(join(dir, 'renderer-evil', 'x.js'), 'evil')
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link-out.js'))
  symlinkSync(dir, join(root, 'assets', 'dir-out'))
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'link-in.js'))
  handle = createAppProtocolHandler({ root, policy: POLICY, fs: { readFile, realpath, stat } })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the app scheme handler', () => {
  it.each([
    ['measure-tracker://app/index.html', 'text/html; charset=utf-8', '<title>Measure Tracker</title>'],
    ['measure-tracker://app/', 'text/html; charset=utf-8', '<title>Measure Tracker</title>'],
    ['measure-tracker://app/index.html?x=1#/board', 'text/html; charset=utf-8', '<title>Measure Tracker</title>'],
    ['measure-tracker://app/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['measure-tracker://app/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['measure-tracker://app/assets/font.woff2', 'font/woff2', 'wOF2'],
    ['measure-tracker://app/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['measure-tracker://app/assets/blob.bin', 'application/octet-stream', 'x'],
    ['measure-tracker://app/assets/link-in.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(await response.text()).toContain(body)
  })

  it('sends the strict policy, nosniff and no-referrer with every response, refusals included', async () => {
    for (const url of [
      APP_INDEX_URL,
      'measure-tracker://app/assets/index-abc.js',
      'measure-tracker://app/missing.js',
      'measure-tracker://app/../secret.txt',
    ]) {
      const response = await get(url)
      expect(response.headers.get('content-security-policy')).toBe(POLICY)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it.each([
    'measure-tracker://app/../secret.txt',
    'measure-tracker://app/../../../../etc/passwd',
    'measure-tracker://app/assets/../../secret.txt',
    'measure-tracker://app/%2e%2e/secret.txt',
    'measure-tracker://app/%2E%2E/%2e%2e/etc/passwd',
    'measure-tracker://app/.%2e/secret.txt',
    'measure-tracker://app/..%2fsecret.txt',
    'measure-tracker://app/..%2Fsecret.txt',
    'measure-tracker://app/..%5csecret.txt',
    'measure-tracker://app/..\\secret.txt',
    'measure-tracker://app/%252e%252e/secret.txt',
    'measure-tracker://app//etc/passwd',
    'measure-tracker://app/%2fetc%2fpasswd',
    'measure-tracker://app/C:%5cWindows%5cwin.ini',
    'measure-tracker://app/C:/Windows/win.ini',
    'measure-tracker://app/index.html%00.js',
    'measure-tracker://app/%E0%A4%A',
    'measure-tracker://app/.env',
    'measure-tracker://app/./index.html',
    'measure-tracker://app/assets/link-out.js',
    'measure-tracker://app/assets/dir-out/secret.txt',
    'measure-tracker://app/assets/',
    'measure-tracker://app/assets',
    'measure-tracker://app/missing.js',
    'measure-tracker://app-evil/index.html',
    'measure-tracker://evil/index.html',
    'measure-tracker://app:1/index.html',
    'measure-tracker://user@app/index.html',
    'measure-tracker://app.evil.example/../renderer-evil/x.js',
    'file:///etc/passwd',
    'https://app/index.html',
  ])('refuses %s with 403 or 404 and no file content', async (url) => {
    const response = await get(url)
    expect([403, 404]).toContain(response.status)
    const text = await response.text()
    expect(text).not.toMatch(/outside the renderer folder|SECRET|root:|evil|<svg|console/)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  })

  it('refuses traversal as 403, a missing file as 404', async () => {
    expect((await get('measure-tracker://app/%2e%2e/secret.txt')).status).toBe(403)
    expect((await get('measure-tracker://app/assets/link-out.js')).status).toBe(403)
    expect((await get('measure-tracker://app/missing.js')).status).toBe(404)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) expect((await get(APP_INDEX_URL, method)).status).toBe(405)
  })

  it('answers 404 when the renderer folder is missing', async () => {
    const gone = createAppProtocolHandler({ root: join(dir, 'nowhere'), policy: POLICY, fs: { readFile, realpath, stat } })
    expect((await gone({ url: APP_INDEX_URL, method: 'GET' })).status).toBe(404)
  })
})

describe('requestedSegments', () => {
  it('decodes each segment once and maps / to index.html', () => {
    expect(requestedSegments('measure-tracker://app/')).toEqual(['index.html'])
    expect(requestedSegments('measure-tracker://app/assets/a%20b.js?v=1#x')).toEqual(['assets', 'a b.js'])
    expect(requestedSegments('MEASURE-TRACKER://APP/index.html')).toEqual(['index.html'])
  })
})

describe('contentTypeFor', () => {
  it('knows the built renderer files, case-insensitively', () => {
    expect(contentTypeFor('/x/INDEX.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/x/a.mjs')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('/x/a.json')).toBe('application/json; charset=utf-8')
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream')
  })
})
