import { describe, expect, it } from 'vitest'
import { allowedOrigins, checkFetchSite, checkHost, checkOrigin, checkRequestSource, createToken, tokenMatches } from './security.ts'

describe('per-run token', () => {
  it('is 32 random bytes in base64url, different every run', () => {
    const a = createToken()
    const b = createToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(a, 'base64url')).toHaveLength(32)
    expect(a).not.toBe(b)
  })

  it('matches only the exact secret', () => {
    const token = createToken()
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(`${token}x`, token)).toBe(false)
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false)
    expect(tokenMatches(token.toUpperCase(), token)).toBe(token === token.toUpperCase())
    expect(tokenMatches('', token)).toBe(false)
    expect(tokenMatches(undefined, token)).toBe(false)
    expect(tokenMatches([token, token], token)).toBe(false)
    expect(tokenMatches(`${token}, ${token}`, token)).toBe(false)
    expect(tokenMatches('', '')).toBe(false)
  })
})

describe('Host check (DNS rebinding)', () => {
  it('accepts only 127.0.0.1 and localhost on our own port', () => {
    expect(checkHost({ host: '127.0.0.1:4000' }, 4000)).toBeNull()
    expect(checkHost({ host: 'localhost:4000' }, 4000)).toBeNull()
    expect(checkHost({ host: 'LocalHost:4000' }, 4000)).toBeNull()
    for (const host of [
      'evil.example:4000',
      '127.0.0.1:4001',
      '127.0.0.1',
      'localhost',
      '[::1]:4000',
      '127.0.0.2:4000',
      'localhost.:4000',
      'localhost:4000.evil.example',
      '0.0.0.0:4000',
      '',
    ]) {
      expect(checkHost({ host }, 4000), host).not.toBeNull()
    }
    expect(checkHost({}, 4000)).toBe('missing Host header')
  })
})

describe('Origin check', () => {
  it('lets requests without an Origin through, and our own origins', () => {
    expect(checkOrigin({}, 4000)).toBeNull()
    for (const origin of allowedOrigins(4000)) expect(checkOrigin({ origin }, 4000)).toBeNull()
  })

  it('refuses every other origin, including null and another local port', () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:4001',
      'http://localhost:4001',
      'https://127.0.0.1:4000',
      'null',
      'http://127.0.0.1:4000/',
      '',
    ]) {
      expect(checkOrigin({ origin }, 4000), origin).not.toBeNull()
    }
  })
})

describe('Sec-Fetch-Site check', () => {
  it('refuses cross-site and same-site calls to the API and the event stream', () => {
    for (const kind of ['api', 'events'] as const) {
      expect(checkFetchSite({ 'sec-fetch-site': 'cross-site' }, kind)).not.toBeNull()
      expect(checkFetchSite({ 'sec-fetch-site': 'same-site' }, kind)).not.toBeNull()
      expect(checkFetchSite({ 'sec-fetch-site': 'same-origin' }, kind)).toBeNull()
      expect(checkFetchSite({}, kind)).toBeNull()
    }
  })

  it('refuses cross-site reads of the page and its files but lets a link to the app be followed', () => {
    expect(
      checkFetchSite({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }, 'static'),
    ).not.toBeNull()
    expect(checkFetchSite({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }, 'static')).not.toBeNull()
    expect(
      checkFetchSite({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }, 'static'),
    ).not.toBeNull()
    expect(
      checkFetchSite({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }, 'static'),
    ).toBeNull()
    expect(checkFetchSite({ 'sec-fetch-site': 'same-site' }, 'static')).toBeNull()
    expect(checkFetchSite({ 'sec-fetch-site': 'none' }, 'static')).toBeNull()
  })
})

describe('checkRequestSource', () => {
  it('reports the first failing check', () => {
    expect(checkRequestSource({ host: 'evil.example:1', origin: 'http://evil.example' }, 1, 'api')).toMatch(/Host/)
    expect(checkRequestSource({ host: '127.0.0.1:1', origin: 'http://evil.example' }, 1, 'api')).toMatch(/Origin/)
    expect(checkRequestSource({ host: '127.0.0.1:1', 'sec-fetch-site': 'cross-site' }, 1, 'api')).toMatch(/cross-site/)
    expect(checkRequestSource({ host: '127.0.0.1:1', origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-origin' }, 1, 'api')).toBeNull()
  })
})
