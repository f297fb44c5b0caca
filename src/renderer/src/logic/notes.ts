// How a measure's notes are listed: pinned first, then the newest first (by when each was
// written). Note times are ISO instants with milliseconds, so they compare as strings.
import type { Note } from '../../../shared/domain.ts'

export function orderNotes(notes: readonly Note[]): Note[] {
  return notes.slice().sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

/** True once the note's text was changed after it was written (pinning is not an edit). */
export function isEdited(note: Pick<Note, 'createdAt' | 'updatedAt'>): boolean {
  return note.updatedAt !== note.createdAt
}

/** What is wrong with a note's text before sending it (the service checks the same), as a message key. */
export function noteBodyProblem(body: string, maxLength: number): { key: string; params: Record<string, number> } | null {
  if (body.trim().length === 0) return { key: 'notes.empty', params: {} }
  if (body.length > maxLength) return { key: 'validation.tooLong', params: { max: maxLength } }
  return null
}
