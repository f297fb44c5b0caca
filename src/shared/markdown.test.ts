import { afterAll, describe, expect, it } from 'vitest'
import { Window } from 'happy-dom'
import { HOSTILE_NOTES } from '../../test/hostile-notes.ts'
import { SAFE_TAGS, schemeOf, unsafeHtmlFindings } from '../../test/helpers/html-safety.ts'
import { LIMITS } from './domain.ts'
import { isAllowedUrl, markdownSnippet, markdownToPlainText, renderMarkdown } from './markdown.ts'

const label = (input: string, i: number) => `#${i} ${JSON.stringify(input.slice(0, 60))}${input.length > 60 ? '…' : ''}`

// A second, independent look: let a real HTML parser build the DOM and inspect every element.
const window = new Window()
afterAll(() => window.happyDOM.close())
function domFindings(html: string): string[] {
  const container = window.document.createElement('div')
  container.innerHTML = html
  const findings: string[] = []
  for (const element of container.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    if (!SAFE_TAGS.has(tag)) findings.push(`element <${tag}>`)
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) findings.push(`<${tag}> ${name}=`)
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)) {
        const value = attribute.value ?? ''
        const scheme = schemeOf(value)
        if (!scheme || !['http:', 'https:', 'mailto:'].includes(scheme)) findings.push(`<${tag} ${name}="${value.slice(0, 40)}">`)
      }
    }
  }
  return findings
}

describe('hostile notes', () => {
  it('has at least 30 entries, each a valid note body', () => {
    expect(HOSTILE_NOTES.length).toBeGreaterThanOrEqual(30)
    for (const body of HOSTILE_NOTES) {
      expect(body.trim().length).toBeGreaterThan(0)
      expect(body.length).toBeLessThanOrEqual(LIMITS.longText)
    }
  })

  HOSTILE_NOTES.forEach((input, i) => {
    it(`renders safely: ${label(input, i)}`, () => {
      const html = renderMarkdown(input)
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<(iframe|style|svg|object|embed|img|math|form|meta|base|link)[\s/>]/i)
      // on…= only inside tags (text and quoted values removed): hostile text shows as &lt;…
      expect(html.replace(/>[^<]*</g, '><').replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i)
      for (const [, , url] of html.matchAll(/\b(href|src)\s*=\s*"([^"]*)"/gi)) expect(url).toMatch(/^(https?:\/\/|mailto:)/i)
      expect(unsafeHtmlFindings(html)).toEqual([])
      expect(domFindings(html)).toEqual([])
    })
  })

  it('renders the whole list as one document safely, and fast', () => {
    const started = performance.now()
    const html = renderMarkdown(HOSTILE_NOTES.join('\n\n'))
    expect(unsafeHtmlFindings(html)).toEqual([])
    expect(domFindings(html)).toEqual([])
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('keeps hostile text visible as text rather than dropping it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(renderMarkdown('[x](javascript:alert(1))')).toContain('[x](javascript:alert(1))')
  })

  it('gives plain text with no terminal controls or direction overrides for every hostile input', () => {
    for (const input of HOSTILE_NOTES) {
      // eslint-disable-next-line no-control-regex -- the point of the check
      expect(markdownToPlainText(input)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    }
  })
})

describe('isAllowedUrl', () => {
  it('allows absolute http(s) URLs with a host and mailto: addresses', () => {
    for (const url of [
      'https://example.com',
      'http://example.com/a?b=c#d',
      'HTTPS://EXAMPLE.COM',
      'mailto:someone@example.com',
      'https://xn--fsqu00a.xn--fiqs8s/',
    ]) {
      expect(isAllowedUrl(url), url).toBe(true)
    }
  })

  it('refuses every other scheme, relative URLs, and disguised schemes', () => {
    for (const url of [
      '',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'jav%09ascript:alert(1)',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'data:image/png;base64,AAAA',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com',
      '//example.com',
      '/relative',
      '#fragment',
      'http://',
      'http:/example.com',
      'https:\\\\example.com',
      'https://example.com\u200b',
      '\u202ehttps://example.com',
      'mailto:',
    ]) {
      expect(isAllowedUrl(url), JSON.stringify(url)).toBe(false)
    }
  })
})

describe('renderMarkdown', () => {
  it('renders emphasis, lists, code and quotes', () => {
    expect(renderMarkdown('**bold** and _it_')).toBe('<p><strong>bold</strong> and <em>it</em></p>\n')
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n')
    expect(renderMarkdown('1. one\n2. two')).toContain('<ol>')
    expect(renderMarkdown('`a < b`')).toBe('<p><code>a &lt; b</code></p>\n')
    expect(renderMarkdown('```\nx <y>\n```')).toBe('<pre><code>x &lt;y&gt;\n</code></pre>\n')
    expect(renderMarkdown('> quoted')).toContain('<blockquote>')
    expect(renderMarkdown('| a |\n|---|\n| 1 |')).toContain('<td>1</td>')
  })

  it('turns a newline into a line break and keeps typed quotes and dashes as typed', () => {
    expect(renderMarkdown('one\ntwo')).toBe('<p>one<br>\ntwo</p>\n')
    expect(renderMarkdown('"quoted" -- (c)')).toBe('<p>&quot;quoted&quot; -- (c)</p>\n')
  })

  it('renders http(s) links opening outside the app, with no referrer', () => {
    expect(renderMarkdown('[USTR](https://ustr.gov/notice "The notice")')).toBe(
      '<p><a href="https://ustr.gov/notice" title="The notice" target="_blank" rel="noopener noreferrer">USTR</a></p>\n',
    )
    expect(renderMarkdown('see https://www.federalregister.gov/d/2025-1')).toContain(
      '<a href="https://www.federalregister.gov/d/2025-1" target="_blank" rel="noopener noreferrer">https://www.federalregister.gov/d/2025-1</a>',
    )
  })

  it('renders mailto links, written or bare', () => {
    expect(renderMarkdown('[mail](mailto:desk@example.com)')).toContain('href="mailto:desk@example.com"')
    expect(renderMarkdown('<desk@example.com>')).toContain('href="mailto:desk@example.com"')
    expect(renderMarkdown('write to desk@example.com')).toContain('href="mailto:desk@example.com"')
  })

  it('leaves relative links and bare domains as text', () => {
    expect(renderMarkdown('[x](/etc/passwd) [y](#top) ustr.gov')).toBe('<p>[x](/etc/passwd) [y](#top) ustr.gov</p>\n')
  })

  it('never loads images: an http(s) image becomes a link to it, anything else its alt text', () => {
    expect(renderMarkdown('![the chart](https://example.com/c.png)')).toBe(
      '<p><a href="https://example.com/c.png" class="md-image-link" target="_blank" rel="noopener noreferrer">the chart</a></p>\n',
    )
    expect(renderMarkdown('![](https://example.com/c.png)')).toContain('>https://example.com/c.png</a>')
    expect(renderMarkdown('![alt text](data:image/png;base64,AAAA)')).not.toContain('<a')
    // An image inside a link stays its alt text: links never nest.
    expect(renderMarkdown('[![logo](https://e.com/l.png)](https://e.com)')).toBe(
      '<p><a href="https://e.com" target="_blank" rel="noopener noreferrer">logo</a></p>\n',
    )
  })

  it('escapes raw HTML rather than interpreting it', () => {
    expect(renderMarkdown('a <b>bold</b> claim')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n')
  })
})

describe('markdownToPlainText', () => {
  it('keeps the words and drops the markup', () => {
    expect(markdownToPlainText('**Check** the _notice_ `301`')).toBe('Check the notice 301')
    expect(markdownToPlainText('# Heading\n\nBody text')).toBe('Heading\n\nBody text')
  })

  it('shows list markers, quotes, code lines and table rows', () => {
    expect(markdownToPlainText('- one\n- two\n  1. nested')).toBe('- one\n- two\n  1. nested')
    expect(markdownToPlainText('3. three\n4. four')).toBe('3. three\n4. four')
    expect(markdownToPlainText('> quoted\n> more')).toBe('> quoted\n> more')
    expect(markdownToPlainText('```\nline 1\nline 2\n```')).toBe('line 1\nline 2')
    expect(markdownToPlainText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a | b\n1 | 2')
  })

  it('puts a link URL after its text when they differ', () => {
    expect(markdownToPlainText('[the notice](https://ustr.gov/n)')).toBe('the notice (https://ustr.gov/n)')
    expect(markdownToPlainText('see https://ustr.gov/n')).toBe('see https://ustr.gov/n')
    expect(markdownToPlainText('mail desk@example.com')).toBe('mail desk@example.com')
    expect(markdownToPlainText('![chart](https://e.com/c.png)')).toBe('chart (https://e.com/c.png)')
  })

  it('strips terminal controls and direction overrides', () => {
    expect(markdownToPlainText('red \u001b[31mtext\u001b[0m \u202eevil')).toBe('red [31mtext[0m evil')
  })
})

describe('markdownSnippet', () => {
  it('gives one line, cut with an ellipsis', () => {
    expect(markdownSnippet('# Title\n\n- a\n- b')).toBe('Title - a - b')
    const long = markdownSnippet('word '.repeat(100), 20)
    expect(long).toHaveLength(20)
    expect(long.endsWith('…')).toBe(true)
  })
})
