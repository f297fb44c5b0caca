// A string-level audit of HTML produced by renderMarkdown: every tag and attribute it contains,
// checked against what safe note HTML may hold. Plain TS (no test framework), so unit tests and
// Playwright specs can both use it. markdown-it escapes all text, so any `<name …>` in the output
// is a real tag; hostile text shows up only as `&lt;…`, which this deliberately ignores.

/** Tags markdown-it writes for CommonMark + tables + strikethrough. */
export const SAFE_TAGS = new Set([
  'p',
  'br',
  'hr',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
])
const SAFE_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href', 'title', 'target', 'rel', 'class']),
  code: new Set(['class']),
  ol: new Set(['start']),
  th: new Set(['style']),
  td: new Set(['style']),
}
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcset', 'poster', 'background'])

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/g
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The scheme a browser would read from an attribute value (controls stripped), or null if relative. */
export function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- what the URL parser strips
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)
  return match ? `${match[1]!.toLowerCase()}:` : null
}

/** Everything wrong with `html` as safe note HTML; empty when it is safe. */
export function unsafeHtmlFindings(html: string): string[] {
  const findings: string[] = []
  if (/<script/i.test(html)) findings.push('contains <script')
  for (const tag of ['iframe', 'style', 'svg', 'object', 'embed', 'img', 'math', 'form', 'meta', 'base', 'link']) {
    if (new RegExp(`<${tag}[\\s/>]`, 'i').test(html)) findings.push(`contains <${tag}`)
  }
  for (const [, rawName, rawAttributes] of html.matchAll(TAG)) {
    const name = rawName!.toLowerCase()
    if (!SAFE_TAGS.has(name)) findings.push(`tag <${name}> is not allowed`)
    for (const [, rawAttr, dq, sq, bare] of (rawAttributes ?? '').matchAll(ATTRIBUTE)) {
      const attr = rawAttr!.toLowerCase()
      const value = decodeAttribute(dq ?? sq ?? bare ?? '')
      if (/^on/.test(attr)) findings.push(`<${name}> has event handler ${attr}=`)
      if (!SAFE_ATTRIBUTES[name]?.has(attr)) findings.push(`<${name}> has attribute ${attr}`)
      if (URL_ATTRIBUTES.has(attr)) {
        const scheme = schemeOf(value)
        if (scheme === null || !['http:', 'https:', 'mailto:'].includes(scheme))
          findings.push(`<${name} ${attr}="${value.slice(0, 60)}"> is not http(s)/mailto`)
      }
      if (attr === 'style' && !/^text-align:(left|right|center)$/.test(value)) findings.push(`<${name}> has style "${value.slice(0, 60)}"`)
      if (attr === 'target' && value !== '_blank') findings.push(`<${name}> has target "${value}"`)
    }
    if (name === 'a' && /\bhref=/.test(rawAttributes ?? '') && !/\brel="noopener noreferrer"/.test(rawAttributes ?? '')) {
      findings.push('<a href> without rel="noopener noreferrer"')
    }
  }
  // The brief's check in its plainest form: with text and quoted attribute values removed, no on…= is left.
  const tagsOnly = html.replace(/>[^<]*</g, '><').replace(/"[^"]*"/g, '""')
  if (/\son[a-z]+\s*=/i.test(tagsOnly)) findings.push('event-handler attribute')
  return findings
}
