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
 * Characters a person does not see before a cell's first visible one: whitespace (tab, CR, LF,
 * no-break and ideographic spaces, U+FEFF…), zero-width characters (U+200B–U+200D, U+2060–U+2064),
 * the soft hyphen, and direction marks and embeddings (U+200E/F, U+202A–U+202E, U+2066–U+2069).
 * A formula hidden behind them must still be caught.
 */
const INVISIBLE_LEAD = /^[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/
/**
 * Signs that start a formula: = + - @, and their fullwidth forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D,
 * U+FF20), which an input method or a spreadsheet's NFKC normalisation can turn into the ASCII ones.
 */
const FORMULA_SIGN = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/
/** A plain negative number or percentage (-5, -2.5%, -1,000): data, not a formula; left alone. */
const PLAIN_NEGATIVE = /^-[0-9][0-9.,]*%?$/

/**
 * A CSV cell that a spreadsheet could read as a formula gets a leading apostrophe, so a hostile
 * title cannot run `=HYPERLINK(…)` when the file is opened: a cell starting with tab, CR or LF,
 * or whose first visible character is a formula sign (after any invisible lead). The apostrophe
 * goes before the whole cell, so the text itself is kept exactly.
 */
export function csvSafe(cell: string): string {
  if (PLAIN_NEGATIVE.test(cell)) return cell
  if (/^[\t\r\n]/.test(cell)) return `'${cell}`
  if (FORMULA_SIGN.test(cell.replace(INVISIBLE_LEAD, ''))) return `'${cell}`
  return cell
}
