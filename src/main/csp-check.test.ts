import { describe, expect, it } from 'vitest'
import { metaPolicies, parsePolicy, strictPolicyProblems } from './csp-check.ts'

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

describe('strictPolicyProblems', () => {
  it('accepts the strict policy as a header, and without frame-ancestors as a <meta> tag', () => {
    expect(strictPolicyProblems(STRICT, 'header')).toEqual([])
    expect(strictPolicyProblems(STRICT.replace("; frame-ancestors 'none'", ''), 'meta')).toEqual([])
    expect(strictPolicyProblems(STRICT.replace("; frame-ancestors 'none'", ''), 'header')).toEqual([
      "frame-ancestors must be 'none', is (absent)",
    ])
  })

  it.each([
    ['a file: script source', STRICT.replace("script-src 'self'", "script-src 'self' file:")],
    ['file: anywhere', STRICT.replace("img-src 'self' data:", "img-src 'self' file:")],
    ['a data: script source', STRICT.replace("script-src 'self'", "script-src 'self' data:")],
    ['a blob: script source', STRICT.replace("script-src 'self'", "script-src 'self' blob:")],
    ['data: connections', STRICT.replace("connect-src 'self'", "connect-src 'self' data:")],
    ['file: connections', STRICT.replace("connect-src 'self'", "connect-src 'self' file:")],
    ['inline script', STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")],
    ['eval', STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")],
    ['wasm eval', STRICT.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")],
    ['a wildcard', STRICT.replace("connect-src 'self'", 'connect-src *')],
    ['a host wildcard', STRICT.replace("connect-src 'self'", "connect-src 'self' https://*.example.com")],
    ['a remote script host', STRICT.replace("script-src 'self'", "script-src 'self' https://cdn.example.com")],
    ['no script-src and a loose default', STRICT.replace("default-src 'self'; script-src 'self'; ", 'default-src https:; ')],
    ['a looser script-src-elem', `${STRICT}; script-src-elem 'self' file:`],
    ['plugins allowed', STRICT.replace("object-src 'none'", "object-src 'self'")],
    ['no object-src', STRICT.replace("object-src 'none'; ", '')],
    ['a <base> allowed', STRICT.replace("base-uri 'none'", "base-uri 'self'")],
    ['form posts allowed', STRICT.replace("form-action 'none'", "form-action 'self'")],
    ['framing allowed', STRICT.replace("frame-ancestors 'none'", "frame-ancestors 'self'")],
    ['inline styles', STRICT.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")],
    ['an empty policy', ''],
  ])('refuses %s', (_name, policy) => {
    expect(strictPolicyProblems(policy, 'header')).not.toEqual([])
  })

  it('reads the first of a repeated directive, as browsers do', () => {
    expect(parsePolicy("script-src 'self'; script-src *").get('script-src')).toEqual(["'self'"])
    expect(strictPolicyProblems(`${STRICT}; script-src *`, 'header')).toEqual([])
  })
})

describe('metaPolicies', () => {
  it('finds each CSP <meta> tag, whatever the attribute order and quoting', () => {
    const html = `<head><meta charset="utf-8"><meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'" /><meta content='object-src &#39;none&#39;' http-equiv=content-security-policy><meta name="viewport" content="x"></head>`
    expect(metaPolicies(html)).toEqual(["default-src 'self'; script-src 'self'", "object-src 'none'"])
    expect(metaPolicies('<meta name="x" content="y">')).toEqual([])
  })
})
