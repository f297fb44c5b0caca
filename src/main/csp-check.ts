// What "the strict policy" means, as a check on any policy text: the one the scheme's handler
// sends, the one in the built index.html's <meta> tag. The unit tests and the Electronegativity
// gate (scripts/electronegativity.ts) both run it on the policies actually delivered, so a
// weaker policy in either place fails, whatever csp.ts builds.

export type PolicyDelivery = 'header' | 'meta'

/** Directive name → its source list (lower-cased names; the first occurrence wins, as in CSP). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (!name) continue
    const key = name.toLowerCase()
    if (!parsed.has(key)) parsed.set(key, values)
  }
  return parsed
}

/** The sources a fetch directive falls back to, per CSP 3 (script-src-elem → script-src → default-src). */
function effective(parsed: Map<string, string[]>, ...chain: string[]): string[] | undefined {
  for (const name of chain) {
    const values = parsed.get(name)
    if (values) return values
  }
  return undefined
}

const exactly = (values: string[] | undefined, expected: string[]) =>
  values !== undefined && values.length === expected.length && values.every((value, i) => value.toLowerCase() === expected[i])

/**
 * Why `policy` is not the strict one (empty when it is). Scripts and connections only from the
 * page's own origin — never file:, data:, blob:, a wildcard, inline or eval — and no plugins, no
 * <base>, no form posts; a header must also forbid framing the page (a <meta> cannot).
 */
export function strictPolicyProblems(policy: string, delivery: PolicyDelivery): string[] {
  const parsed = parsePolicy(policy)
  const problems: string[] = []
  const must = (label: string, values: string[] | undefined, expected: string[]) => {
    if (!exactly(values, expected))
      problems.push(`${label} must be ${expected.join(' ')}, is ${values ? values.join(' ') || '(empty)' : '(absent)'}`)
  }
  const defaults = parsed.get('default-src')
  if (!exactly(defaults, ["'self'"]) && !exactly(defaults, ["'none'"]))
    problems.push(`default-src must be 'self' or 'none', is ${defaults?.join(' ') ?? '(absent)'}`)
  must('script-src', effective(parsed, 'script-src', 'default-src'), ["'self'"])
  for (const narrower of ['script-src-elem', 'script-src-attr', 'worker-src']) {
    const values = parsed.get(narrower)
    if (values && !exactly(values, ["'self'"]) && !exactly(values, ["'none'"]))
      problems.push(`${narrower} must be 'self' or 'none', is ${values.join(' ')}`)
  }
  must('style-src', effective(parsed, 'style-src', 'default-src'), ["'self'"])
  must('connect-src', effective(parsed, 'connect-src', 'default-src'), ["'self'"])
  must('object-src', parsed.get('object-src'), ["'none'"])
  must('base-uri', parsed.get('base-uri'), ["'none'"])
  must('form-action', parsed.get('form-action'), ["'none'"])
  if (delivery === 'header') must('frame-ancestors', parsed.get('frame-ancestors'), ["'none'"])
  // Whatever the directive: nothing from the disk, no wildcard, no inline or eval escape hatch.
  for (const [name, values] of parsed) {
    for (const value of values) {
      const lower = value.toLowerCase()
      if (
        lower.startsWith('file:') ||
        lower === '*' ||
        lower.includes('*') ||
        /^'unsafe-|^'wasm-unsafe-eval'$|^'strict-dynamic'$/.test(lower)
      ) {
        problems.push(`${name} allows ${value}`)
      }
      if ((lower === 'data:' || lower === 'blob:' || lower === 'filesystem:') && name !== 'img-src')
        problems.push(`${name} allows ${value}`)
    }
  }
  return problems
}

/**
 * The content of an HTML document's <meta http-equiv="Content-Security-Policy"> tags (every one
 * is enforced). Attribute order and quoting as Vite and hand-written HTML produce them.
 */
export function metaPolicies(html: string): string[] {
  const policies: string[] = []
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag)
    policies.push(
      (content?.[1] ?? content?.[2] ?? '')
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
  }
  return policies
}
