// Escaping for each output. Every piece of data goes through one of these on its way out;
// renderers never concatenate raw data into markup.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or attribute value for HTML (both quote styles escaped, so it is safe in either). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string)
}

/**
 * A CSS string literal ("…") for `content:` in the page margin boxes. Every character outside
 * printable ASCII letters, digits, space and a few punctuation marks becomes a CSS hex escape, so
 * quotes, backslashes, newlines and `</style>` can never end the string or the style element.
 */
export function cssString(text: string): string {
  let out = '"'
  for (const char of text) {
    if (/^[A-Za-z0-9 ,.:;()\-–—·_%+!?]$/.test(char)) out += char
    else out += `\\${(char.codePointAt(0) as number).toString(16)} `
  }
  return `${out}"`
}

/** Text inside Markdown (a paragraph or a table cell): markup characters escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~<>&]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`))
    .replace(/^([-=+#]|\d+[.)])/, '\\$1')
    .replace(/\s*\n\s*/g, ' ')
}

/** An http(s) URL as a Markdown link destination: only characters that cannot end it. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>\\`[\]"']/g, (char) => `%${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** True for the only URLs a report links to: absolute http(s). */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
  } catch {
    return false
  }
}

/**
 * A CSV cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, so a hostile title cannot run `=HYPERLINK(…)` when the file is opened. Plain negative
 * numbers and percentages (-5, -2.5%) are left alone.
 */
export function csvSafe(cell: string): string {
  if (/^[=+@\t\r]/.test(cell)) return `'${cell}`
  if (cell.startsWith('-') && !/^-[0-9][0-9.,]*%?$/.test(cell)) return `'${cell}`
  return cell
}
