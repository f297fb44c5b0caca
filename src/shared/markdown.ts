// Safe Markdown for notes, on every side: the renderer (v-html of this output only), printed
// reports, and the command line (plain text). Pure: markdown-it and standard globals, no Node, no DOM.
//
// MARKDOWN_OPTIONS — the decisions, in one place:
// - html: false. Raw HTML in a note is text: `<script>` comes out as `&lt;script&gt;`. With raw HTML
//   off, every tag in the output is one markdown-it itself writes, and it escapes every text node
//   and attribute value; that is why no separate sanitizer is needed.
// - Links: only http:, https: and mailto: survive (isAllowedUrl). markdown-it calls validateLink
//   with the destination AFTER normalizeLink has decoded entities and backslash escapes and
//   percent-encoded everything else (so `jav&#x09;ascript:` reaches it as `jav%09ascript:`, which
//   has no scheme at all). We check the string exactly as it will be written into href, the way a
//   browser's URL parser reads it, and refuse anything without an allowed scheme — relative links,
//   `#fragments` and protocol-relative `//host` included: a note has no page of its own to be
//   relative to. A refused link keeps its text and loses the link (markdown-it would otherwise
//   write `href=""`). Kept links get target="_blank" rel="noopener noreferrer"; the app still
//   intercepts clicks and opens them through its tested http(s) validator.
// - Images: never loaded. `![alt](https://…)` becomes a link to the image, showing its alt text.
//   A local-first app must not fetch remote files just because a note was displayed (it tells the
//   image's host that, when and from where the note was read), `data:` images are an SVG/script
//   vector, and `file:` images would read the user's disk. A refused image keeps its alt text.
// - linkify: true: bare https://… URLs and e-mail addresses become links, through the same
//   validator (linkify-it 6 leaves fuzzy links such as "ustr.gov" or "report.md" as text);
//   typographer: false (text stays exactly as typed); breaks: true (a newline in a note is a line
//   break, as people expect in comment boxes).
import MarkdownIt from 'markdown-it'
import type { MarkdownIt as MarkdownParser, StateCore, Token } from 'markdown-it'

export const ALLOWED_URL_SCHEMES = ['http:', 'https:', 'mailto:'] as const

export const MARKDOWN_OPTIONS = {
  html: false,
  linkify: true,
  typographer: false,
  breaks: true,
} as const

// What a browser's URL parser ignores: leading/trailing C0 controls and spaces, and tab/CR/LF anywhere.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const URL_TRIM = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
const URL_STRIPPED = /[\t\n\r]/g
// Any control character, space, or invisible format character left in a normalised URL is a trick.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const URL_SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/

/**
 * True when `url` may be an href: an absolute http(s) URL with a host, or a mailto: address.
 * Judged on the string as a browser would parse it (controls stripped, case ignored), and then
 * on the URL the platform parser makes of it.
 */
export function isAllowedUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return false
  const cleaned = url.replace(URL_TRIM, '').replace(URL_STRIPPED, '')
  if (URL_SUSPICIOUS.test(cleaned)) return false
  if (!/^(?:https?:\/\/[^/\\?#]|mailto:[^/\\])/i.test(cleaned)) return false
  let parsed: URL
  try {
    parsed = new URL(cleaned)
  } catch {
    return false
  }
  if (!(ALLOWED_URL_SCHEMES as readonly string[]).includes(parsed.protocol)) return false
  return parsed.protocol === 'mailto:' || parsed.hostname.length > 0
}

// Rewrites every inline token list once the links are known (after linkify): drops refused links
// (keeping their text), turns images into links (or plain alt text), and never nests links.
function safeLinksRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) block.children = sanitiseInline(state, block.children, 0)
  }
}

function sanitiseInline(state: StateCore, tokens: Token[], enclosingLinks: number): Token[] {
  const out: Token[] = []
  const kept: boolean[] = []
  for (const token of tokens) {
    const linkDepth = enclosingLinks + kept.filter(Boolean).length
    if (token.type === 'link_open') {
      const keep = linkDepth === 0 && isAllowedUrl(String(token.attrGet('href') ?? ''))
      kept.push(keep)
      if (keep) out.push(externalLink(token))
    } else if (token.type === 'link_close') {
      if (kept.pop()) out.push(token)
    } else if (token.type === 'image') {
      const src = String(token.attrGet('src') ?? '')
      const alt = sanitiseInline(state, token.children ?? [], enclosingLinks + 1)
      if (linkDepth === 0 && isAllowedUrl(src)) {
        const open = new state.Token('link_open', 'a', 1)
        open.attrSet('href', src)
        const title = token.attrGet('title')
        if (title) open.attrSet('title', String(title))
        open.attrSet('class', 'md-image-link')
        open.meta = { image: true }
        const close = new state.Token('link_close', 'a', -1)
        out.push(externalLink(open))
        if (alt.length > 0) out.push(...alt)
        else {
          const text = new state.Token('text', '', 0)
          text.content = src
          out.push(text)
        }
        out.push(close)
      } else out.push(...alt)
    } else out.push(token)
  }
  return out
}

function externalLink(token: Token): Token {
  token.attrSet('target', '_blank')
  token.attrSet('rel', 'noopener noreferrer')
  return token
}

function createMarkdown(): MarkdownParser {
  const md = new MarkdownIt('default', { ...MARKDOWN_OPTIONS })
  md.validateLink = isAllowedUrl
  md.core.ruler.push('safe_links', safeLinksRule)
  // Belt and braces: even if a token stream ever held an image, it would render as alt text.
  md.renderer.rules.image = (tokens, idx, options, env, self) =>
    md.utils.escapeHtml(self.renderInlineAsText(tokens[idx]?.children ?? [], options, env))
  return md
}

const md = createMarkdown()

/** A note (or any user text) as safe HTML: no raw HTML, links only to http(s)/mailto, no images. */
export function renderMarkdown(text: string): string {
  return md.render(text)
}

// Characters that rewrite a terminal or a line's direction: C0/C1 controls (newline and tab kept)
// and the bidirectional overrides/isolates used to disguise text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

interface ListState {
  ordered: boolean
  next: number
}

/**
 * A note as plain text, for the command line and one-line snippets: the words of the Markdown
 * without its markup. Lists keep "- " / "1. " markers, quotes "> ", links show their URL after the
 * text when it differs, code keeps its lines, tables become "a | b" rows.
 */
export function markdownToPlainText(text: string): string {
  const tokens = md.parse(text, {})
  const lines: string[] = []
  const lists: ListState[] = []
  let quoteDepth = 0
  let marker: string | null = null
  let blankBefore = false
  let row: string[] | null = null

  const emit = (content: string) => {
    if (blankBefore && lines.length > 0) lines.push('')
    blankBefore = false
    const quote = '> '.repeat(quoteDepth)
    const indent = '  '.repeat(lists.length)
    content.split('\n').forEach((line, i) => {
      const lead = i === 0 && marker !== null ? marker : indent
      lines.push(`${quote}${lead}${line}`.trimEnd())
    })
    marker = null
  }

  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        const list = lists[lists.length - 1]
        const indent = '  '.repeat(Math.max(0, lists.length - 1))
        if (list?.ordered) marker = `${indent}${token.info || list.next}. `
        else marker = `${indent}- `
        if (list) list.next += 1
        break
      }
      case 'blockquote_open':
        quoteDepth += 1
        break
      case 'blockquote_close':
        quoteDepth -= 1
        break
      case 'tr_open':
        row = []
        break
      case 'tr_close':
        if (row) emit(row.join(' | '))
        row = null
        break
      case 'inline': {
        const content = inlineText(token.children ?? [])
        if (row) row.push(content.replace(/\n/g, ' '))
        else emit(content)
        break
      }
      case 'fence':
      case 'code_block':
        emit(token.content.replace(/\n$/, ''))
        break
      case 'hr':
        emit('---')
        break
    }
    if (token.nesting <= 0 && token.level === 0 && token.block && token.type !== 'inline') blankBefore = true
  }
  return lines.join('\n').replace(PLAIN_UNSAFE, '').trim()
}

function inlineText(tokens: Token[]): string {
  let out = ''
  const links: { href: string; start: number; auto: boolean }[] = []
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        out += token.content
        break
      case 'softbreak':
      case 'hardbreak':
        out += '\n'
        break
      case 'image':
        out += inlineText(token.children ?? [])
        break
      case 'link_open':
        links.push({ href: String(token.attrGet('href') ?? ''), start: out.length, auto: token.info === 'auto' })
        break
      case 'link_close': {
        const link = links.pop()
        if (!link || link.auto) break
        const label = out.slice(link.start)
        const shown = link.href.startsWith('mailto:') ? link.href.slice('mailto:'.length) : link.href
        if (label !== shown && label !== link.href) out += ` (${shown})`
        break
      }
    }
  }
  return out
}

/** One line of a note for a list or board cell: plain text, whitespace collapsed, cut at `max`. */
export function markdownSnippet(text: string, max = 160): string {
  const flat = markdownToPlainText(text).replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  return `${Array.from(flat)
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`
}
