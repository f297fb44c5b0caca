// vue-i18n's message compiler, reading messages with the shared parser (shared/i18n/message-format.ts)
// that translate() uses for the command line and reports, so a message means the same everywhere:
// vue-i18n's own syntax would treat `@`, `|` and `%` in those shared texts specially. It also lets
// the page use vue-i18n's runtime-only build, which leaves its message compiler (and its eval) out.
import type { MessageCompiler, MessageContext } from 'vue-i18n'
import { formatMessage, parseMessage } from '../../../shared/i18n/message-format.ts'

export const messageCompiler: MessageCompiler = (message, { key, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new Error(`message "${key}" is not a string`), { code: 0, domain: 'app' }) as never)
    return () => key
  }
  const parts = parseMessage(message)
  const constant = parts.every((part) => typeof part === 'string') ? parts.join('') : null
  const fn = (ctx: MessageContext) => (constant ?? formatMessage(parts, (name) => ctx.named(name))) as never
  return fn
}
