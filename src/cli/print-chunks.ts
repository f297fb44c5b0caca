// Text too large for one string (an export, a calendar, a report of 100,000 measures) on stdout.
import type { CliContext } from './context.ts'

/**
 * Prints text that arrives in chunks as ctx.out prints it whole (with its final newline trimmed):
 * whole lines at a time, about a megabyte each.
 */
export function printChunks(ctx: CliContext, chunks: Iterable<string>): void {
  // ctx.out adds the LF itself, so each piece is handed over without its last LF; a CRLF line's
  // CR then ends the piece, which the terminal-safe printer keeps (it is followed by that LF).
  let pending = ''
  let printed = false
  for (const chunk of chunks) {
    pending += chunk
    if (pending.length < 1024 * 1024) continue
    const cut = pending.lastIndexOf('\n')
    if (cut < 0) continue
    ctx.out(pending.slice(0, cut))
    printed = true
    pending = pending.slice(cut + 1)
  }
  if (pending === '' && printed) return
  ctx.out(pending.endsWith('\n') ? pending.slice(0, -1) : pending)
}
