// Handlers for a measure's notes (Markdown, pinned, edit history, soft delete with undo) and its
// tags. Each is a mutation with `measureId` in its input, so the service runs it in one
// transaction and audits the measure before and after without anything here.
import type { NoteRevision } from '../../shared/api-views.ts'
import { LIMITS, NOTE_LIMIT, type Note } from '../../shared/domain.ts'
import { ServiceError } from '../../shared/result.ts'
import { insertNote, writeTags } from '../store/measure-rows.ts'
import { statement } from '../store/statements.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'
import { requireMeasure } from './detail.ts'
import { randomId } from './ids.ts'
import { touch } from './touch.ts'

type Row = Record<string, string | number | null>

interface StoredNote extends Note {
  deletedAt: string | null
}

function readNote(ctx: ServiceContext, measureId: string, noteId: string): StoredNote | null {
  const row = statement(ctx.db, 'SELECT * FROM notes WHERE measure_id = ? AND id = ?').get(measureId, noteId) as Row | undefined
  if (!row) return null
  return {
    id: row.id as string,
    body: row.body as string,
    pinned: row.pinned === 1,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    deletedAt: row.deleted_at as string | null,
  }
}

function requireNote(ctx: ServiceContext, measureId: string, noteId: string, options: { allowDeleted?: boolean } = {}): StoredNote {
  const note = readNote(ctx, measureId, noteId)
  if (!note || (note.deletedAt !== null && !options.allowDeleted)) {
    throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no note "${noteId}"`, { measureId, noteId })
  }
  return note
}

const publicNote = ({ deletedAt: _deleted, ...note }: StoredNote): Note => note

/** A measure holds at most NOTE_LIMIT live notes (the exchange format refuses more). */
function checkRoomForNote(ctx: ServiceContext, measureId: string): void {
  const row = statement(ctx.db, 'SELECT count(*) AS n FROM notes WHERE measure_id = ? AND deleted_at IS NULL').get(measureId) as Row
  if ((row.n as number) >= NOTE_LIMIT) {
    throw new ServiceError('CONFLICT', `Measure "${measureId}" already has ${NOTE_LIMIT} notes; remove one first`, {
      measureId,
      limit: NOTE_LIMIT,
    })
  }
}

const foldCase = (tag: string) => tag.normalize('NFC').toLowerCase()

/** The spelling a tag already has elsewhere (the most used), so "ships" joins an existing "Ships". */
function existingSpelling(ctx: ServiceContext, tag: string): string {
  const rows = statement(ctx.db, 'SELECT tag, count(*) AS n FROM measure_tags GROUP BY tag ORDER BY n DESC, tag').all() as Row[]
  const key = foldCase(tag)
  const match = rows.find((row) => foldCase(row.tag as string) === key)
  return match ? (match.tag as string) : tag
}

export const noteHandlers: Handlers<'notes.add' | 'notes.edit' | 'notes.pin' | 'notes.remove' | 'notes.restore' | 'notes.history'> = {
  'notes.add': (ctx, { measureId, body, pinned }) => {
    requireMeasure(ctx, measureId)
    checkRoomForNote(ctx, measureId)
    let id = randomId('note')
    while (readNote(ctx, measureId, id)) id = randomId('note')
    const now = timestamp(ctx.nowMs())
    const note: Note = { id, body, pinned, createdAt: now, updatedAt: now }
    insertNote(ctx.db, measureId, note)
    touch(ctx, measureId)
    return note
  },

  // The text it replaces goes to note_revisions, so a note's history is never lost.
  'notes.edit': (ctx, { measureId, noteId, body }) => {
    requireMeasure(ctx, measureId)
    const note = requireNote(ctx, measureId, noteId)
    if (note.body === body) return publicNote(note)
    const now = timestamp(ctx.nowMs())
    statement(ctx.db, 'INSERT INTO note_revisions (measure_id, note_id, body, edited_at) VALUES (?, ?, ?, ?)').run(
      measureId,
      noteId,
      note.body,
      now,
    )
    statement(ctx.db, 'UPDATE notes SET body = ?, updated_at = ? WHERE measure_id = ? AND id = ?').run(body, now, measureId, noteId)
    touch(ctx, measureId)
    return { ...publicNote(note), body, updatedAt: now }
  },

  // Pinning changes where a note is listed, not what it says: updatedAt stays the last edit.
  'notes.pin': (ctx, { measureId, noteId, pinned }) => {
    requireMeasure(ctx, measureId)
    const note = requireNote(ctx, measureId, noteId)
    statement(ctx.db, 'UPDATE notes SET pinned = ? WHERE measure_id = ? AND id = ?').run(pinned ? 1 : 0, measureId, noteId)
    touch(ctx, measureId)
    return { ...publicNote(note), pinned }
  },

  // Removing keeps the row (deleted_at), so undo (notes.restore) brings back the note and its history.
  'notes.remove': (ctx, { measureId, noteId }) => {
    requireMeasure(ctx, measureId)
    requireNote(ctx, measureId, noteId)
    statement(ctx.db, 'UPDATE notes SET deleted_at = ? WHERE measure_id = ? AND id = ?').run(timestamp(ctx.nowMs()), measureId, noteId)
    touch(ctx, measureId)
    return { id: noteId }
  },

  'notes.restore': (ctx, { measureId, noteId }) => {
    requireMeasure(ctx, measureId)
    const note = requireNote(ctx, measureId, noteId, { allowDeleted: true })
    if (note.deletedAt === null) throw new ServiceError('CONFLICT', `Note "${noteId}" of measure "${measureId}" is not removed`)
    checkRoomForNote(ctx, measureId)
    statement(ctx.db, 'UPDATE notes SET deleted_at = NULL WHERE measure_id = ? AND id = ?').run(measureId, noteId)
    touch(ctx, measureId)
    return publicNote(note)
  },

  // Earlier texts, newest first. Each revision row holds a replaced text and when it was replaced;
  // when it was written is the previous replacement (or the note's creation, for the first).
  'notes.history': (ctx, { measureId, noteId }) => {
    requireMeasure(ctx, measureId, { allowDeleted: true })
    const note = requireNote(ctx, measureId, noteId, { allowDeleted: true })
    const rows = statement(
      ctx.db,
      'SELECT body, edited_at FROM note_revisions WHERE measure_id = ? AND note_id = ? ORDER BY edited_at, rowid',
    ).all(measureId, noteId) as Row[]
    let writtenAt = note.createdAt
    const revisions: NoteRevision[] = rows.map((row) => {
      const revision = { body: row.body as string, writtenAt, replacedAt: row.edited_at as string }
      writtenAt = revision.replacedAt
      return revision
    })
    return revisions.reverse()
  },
}

export const tagHandlers: Handlers<'tags.add' | 'tags.remove'> = {
  // Adding a tag the measure already has in any case changes nothing.
  'tags.add': (ctx, { measureId, tag }) => {
    const measure = requireMeasure(ctx, measureId)
    if (measure.tags.some((t) => foldCase(t) === foldCase(tag))) return measure.tags
    if (measure.tags.length >= LIMITS.tags) {
      throw new ServiceError('CONFLICT', `Measure "${measureId}" already has ${LIMITS.tags} tags; remove one first`, {
        measureId,
        limit: LIMITS.tags,
      })
    }
    const tags = [...measure.tags, existingSpelling(ctx, tag)]
    writeTags(ctx.db, measureId, tags)
    touch(ctx, measureId)
    return tags
  },

  'tags.remove': (ctx, { measureId, tag }) => {
    const measure = requireMeasure(ctx, measureId)
    const exact = measure.tags.indexOf(tag)
    const index = exact >= 0 ? exact : measure.tags.findIndex((t) => foldCase(t) === foldCase(tag))
    if (index < 0) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no tag "${tag}"`, { measureId, tag })
    const tags = measure.tags.filter((_, i) => i !== index)
    writeTags(ctx.db, measureId, tags)
    touch(ctx, measureId)
    return tags
  },
}
