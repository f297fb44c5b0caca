// The message files are shared with the command line and reports (shared/i18n/translate.ts),
// which read exactly one syntax: `{name}` placeholders. This compiler gives vue-i18n the same
// reading (plus `{'x'}` literals), so a message means the same everywhere: vue-i18n's own syntax
// would treat `@`, `|` and `%` in those shared texts specially. It also lets the page use
// vue-i18n's runtime-only build, which leaves its message compiler out.
import type { MessageCompiler, MessageContext } from 'vue-i18n'

export type MessagePart = string | { name: string }

export function parseMessage(source: string): MessagePart[] {
  const parts: MessagePart[] = []
  let text = ''
  let index = 0
  while (index < source.length) {
    const open = source.indexOf('{', index)
    const close = open < 0 ? -1 : source.indexOf('}', open)
    if (open < 0 || close < 0) {
      text += source.slice(index)
      break
    }
    text += source.slice(index, open)
    const inner = source.slice(open + 1, close).trim()
    const literal = /^'(.*)'$/.exec(inner)
    if (literal) text += literal[1]
    else {
      if (text) parts.push(text)
      text = ''
      parts.push({ name: inner })
    }
    index = close + 1
  }
  if (text) parts.push(text)
  return parts
}

export function renderMessage(parts: readonly MessagePart[], value: (name: string) => unknown): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'string') out += part
    else {
      const named = value(part.name)
      out += named === undefined || named === null ? `{${part.name}}` : String(named)
    }
  }
  return out
}

export const messageCompiler: MessageCompiler = (message, { key, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new Error(`message "${key}" is not a string`), { code: 0, domain: 'app' }) as never)
    return () => key
  }
  const parts = parseMessage(message)
  const constant = parts.every((part) => typeof part === 'string') ? parts.join('') : null
  const fn = (ctx: MessageContext) => (constant ?? renderMessage(parts, (name) => ctx.named(name))) as never
  return fn
}
