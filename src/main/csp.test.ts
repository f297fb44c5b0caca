import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { metaPolicies, strictPolicyProblems } from './csp-check.ts'
import { contentSecurityPolicy, installContentSecurityPolicy, metaContentSecurityPolicy, type WebRequestLike } from './csp.ts'

const directives = (policy: string) => new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]))

describe('contentSecurityPolicy', () => {
  it('is strict in production: own files only, no inline script, no eval, no frames, no plugins', () => {
    const policy = directives(contentSecurityPolicy())
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('style-src')).toEqual(["'self'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|unsafe-inline|\*|http:|https:|file:|blob:/)
    expect(strictPolicyProblems(contentSecurityPolicy(), 'header')).toEqual([])
  })

  it("allows data: for images only (the favicon, the report's images), never for scripts or connections", () => {
    const policy = directives(contentSecurityPolicy())
    for (const [name, values] of policy) if (name !== 'img-src') expect(values, name).not.toContain('data:')
    expect(policy.get('img-src')).toEqual(["'self'", 'data:'])
  })

  it('lets the dev server inject styles and open its HMR socket, and nothing more', () => {
    const policy = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }))
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173'])
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })).not.toMatch(/unsafe-eval/)
  })
})

describe('metaContentSecurityPolicy and index.html', () => {
  const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8')

  it('is the header policy without the directives a <meta> tag cannot carry', () => {
    expect(metaContentSecurityPolicy()).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''))
    expect(strictPolicyProblems(metaContentSecurityPolicy(), 'meta')).toEqual([])
  })

  it("is exactly the policy in src/renderer/index.html's one CSP <meta> tag", () => {
    expect(metaPolicies(html)).toEqual([metaContentSecurityPolicy()])
  })
})

describe('installContentSecurityPolicy', () => {
  const run = (responseHeaders: Record<string, string[]> | undefined): HeadersReceivedResponse => {
    let listener: Parameters<WebRequestLike['onHeadersReceived']>[0] | null = null
    installContentSecurityPolicy({ onHeadersReceived: (l) => (listener = l) }, "default-src 'none'")
    let response: HeadersReceivedResponse | null = null
    listener!({ url: 'file:///app/out/renderer/index.html', responseHeaders } as OnHeadersReceivedListenerDetails, (r) => (response = r))
    return response!
  }

  it('adds the policy to a response without headers (file://)', () => {
    expect(run(undefined).responseHeaders).toEqual({ 'Content-Security-Policy': ["default-src 'none'"] })
  })

  it('keeps the other headers and any policy the response already had (both are enforced)', () => {
    expect(run({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["img-src 'none'"] }).responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'", "img-src 'none'"],
    })
  })
})
