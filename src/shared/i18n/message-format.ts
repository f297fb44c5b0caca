// The one reading of a message text, shared by translate() (command line, reports, calendar, the
// Electron main process) and the renderer's vue-i18n compiler, so a message means the same on every
// side. The syntax, all of it:
//   {name}     a placeholder: letters, digits and `_`; spaces inside the braces are allowed
//   {'text'}   literal text, e.g. {'{'} for a brace; vue-i18n's own literal syntax, so nothing else
//              in a message (`@`, `|`, `%`) is special
//   anything else, including a lone `{` or `}` or `{two words}`, is plain text
// A placeholder without a value (missing, undefined or null) stays visible as `{name}`: a forgotten
// parameter shows up in the text instead of silently disappearing.
// No eval, no `new Function`: the renderer runs under a CSP without 'unsafe-eval'.

export type MessagePart = string | { readonly name: string }

const TOKEN = /\{\s*(?:(\w+)|'([^']*)')\s*\}/g

// Message texts come from the message files, a finite set: each is parsed once.
const parsed = new Map<string, readonly MessagePart[]>()

/** The message as text runs and placeholders; adjacent text (literals included) is one run. */
export function parseMessage(source: string): readonly MessagePart[] {
  const known = parsed.get(source)
  if (known) return known
  const parts: MessagePart[] = []
  let text = ''
  let index = 0
  for (const match of source.matchAll(TOKEN)) {
    text += source.slice(index, match.index)
    index = match.index + match[0].length
    const [, name, literal] = match
    if (name === undefined) text += literal
    else {
      if (text) parts.push(text)
      text = ''
      parts.push({ name })
    }
  }
  text += source.slice(index)
  if (text) parts.push(text)
  parsed.set(source, parts)
  return parts
}

/** Fills the placeholders with `value(name)`; a value that is undefined or null leaves `{name}`. */
export function formatMessage(parts: readonly MessagePart[], value: (name: string) => unknown): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'string') out += part
    else {
      const given = value(part.name)
      out += given === undefined || given === null ? `{${part.name}}` : String(given)
    }
  }
  return out
}
