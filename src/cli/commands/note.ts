// `note add <id> TEXT [--pinned]` and `note list <id> [--json]`: a measure's notes from the
// command line. Bodies are Markdown; the list shows them as plain text (shared/markdown.ts), and
// cli.ts strips control characters from everything printed.
import type { Note } from '../../shared/domain.ts'
import { formatInstant } from '../../shared/format.ts'
import { markdownToPlainText } from '../../shared/markdown.ts'
import { Temporal } from '../../shared/time.ts'
import type { CliContext } from '../context.ts'
import { unwrap } from '../context.ts'
import { UsageError } from '../usage.ts'

const NOTE_USAGE = 'usage: note add <id> TEXT [--pinned] | note list <id> [--json]'

/** A stored time in the reader's zone; a time that does not parse (hand-edited import) as written. */
function when(ctx: CliContext, stored: string): string {
  try {
    return formatInstant(Temporal.Instant.from(stored).epochMilliseconds, ctx.zone, ctx.locale)
  } catch {
    return stored
  }
}

async function noteAdd(ctx: CliContext, id: string | undefined, words: string[]): Promise<void> {
  if (!id) throw new UsageError(`note add needs a measure id and the text; ${NOTE_USAGE}`)
  if (words.length === 0) throw new UsageError(`note add needs the note's text, e.g. note add ${id} "Check the USTR notice"`)
  const note = unwrap(await ctx.store.service.call('notes.add', { measureId: id, body: words.join(' '), pinned: ctx.args.pinned }))
  ctx.out(ctx.args.json ? JSON.stringify(note, null, 2) : note.id)
}

function describeNote(ctx: CliContext, note: Note): string[] {
  const pinned = note.pinned ? `📌 ${ctx.t('cli.note.pinned')} · ` : ''
  const edited = note.updatedAt !== note.createdAt ? ` · ${ctx.t('cli.note.edited', { time: when(ctx, note.updatedAt) })}` : ''
  const body = markdownToPlainText(note.body)
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
  return [`${pinned}${when(ctx, note.createdAt)}${edited}  [${note.id}]`, ...body]
}

async function noteList(ctx: CliContext, id: string | undefined): Promise<void> {
  if (!id) throw new UsageError(`note list needs a measure id; ${NOTE_USAGE}`)
  // measures.get lists live notes pinned first, then newest first.
  const { notes } = unwrap(await ctx.store.service.call('measures.get', { id }))
  if (ctx.args.json) {
    ctx.out(JSON.stringify(notes, null, 2))
    return
  }
  if (notes.length === 0) {
    ctx.out(ctx.t('cli.note.none'))
    return
  }
  ctx.out(notes.map((note) => describeNote(ctx, note).join('\n')).join('\n\n'))
}

export async function noteCommand(ctx: CliContext): Promise<void> {
  const [sub, id, ...rest] = ctx.args.positionals
  if (sub === 'add') await noteAdd(ctx, id, rest)
  else if (sub === 'list') {
    if (rest.length > 0) throw new UsageError(`note list takes one measure id; ${NOTE_USAGE}`)
    await noteList(ctx, id)
  } else throw new UsageError(sub ? `unknown note command "${sub}"; ${NOTE_USAGE}` : NOTE_USAGE)
}
