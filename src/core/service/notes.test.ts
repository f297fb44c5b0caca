import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditedActor, openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import { LIMITS, NOTE_LIMIT } from '../../shared/domain.ts'
import type { Result } from '../../shared/result.ts'
import { inTransaction } from '../store/database.ts'
import { insertNote } from '../store/measure-rows.ts'
import { timestamp } from './clock.ts'
import { value } from '../../../test/helpers/results.ts'

// A clock that moves one minute per call to `tick()`, so creation order is unambiguous.
const START = Date.parse('2026-11-26T12:00:00Z')
let now = START
const tick = () => (now += 60_000)

let temp: TempStore
let id: string
let other: string
beforeEach(async () => {
  now = START
  temp = await openTempStore({ seed: false, nowMs: () => now })
  id = value(
    call('measures.create', {
      facts: { title: { en: 'Port fees on Chinese ships' }, imposer: 'US', target: 'CN', category: 'port_fee', tags: ['ships'] },
    }),
  ).id
  other = value(
    call('measures.create', {
      facts: { title: { en: 'Rare earth controls' }, imposer: 'CN', target: 'US', category: 'export_control', tags: ['Minerals'] },
    }),
  ).id
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
function errorCode(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code
}
const notesOf = (measureId: string) => value(call('measures.get', { id: measureId })).notes
const exportAll = () => JSON.stringify(value(call('exchange.export', {})).measures)
const search = (text: string) => value(call('measures.list', { filter: { text } })).map((m) => m.id)

describe('notes.add', () => {
  it('adds a note with its creation time and shows it on the measure', () => {
    const note = value(call('notes.add', { measureId: id, body: 'Check **USTR** notice' }))
    expect(note.id).toMatch(/^note-[0-9a-f]{8}$/)
    expect(note).toMatchObject({
      body: 'Check **USTR** notice',
      pinned: false,
      createdAt: '2026-11-26T12:00:00.000Z',
      updatedAt: '2026-11-26T12:00:00.000Z',
    })
    const detail = value(call('measures.get', { id }))
    expect(detail.notes).toEqual([note])
    expect(value(call('measures.list', {})).find((m) => m.id === id)?.noteCount).toBe(1)
  })

  it('is audited against its measure', () => {
    const note = value(call('notes.add', { measureId: id, body: 'first' }))
    const [last] = value(call('measures.get', { id })).history
    expect(last).toMatchObject({ action: 'notes.add', measureId: id, actor: auditedActor('test') })
    expect((last?.before as { notes: unknown[] }).notes).toEqual([])
    expect((last?.after as { notes: unknown[] }).notes).toEqual([note])
  })

  it('refuses an empty, blank or too long body, an unknown or deleted measure — and writes nothing', () => {
    const before = exportAll()
    for (const body of ['', '   ', '\n\t\n', 'x'.repeat(LIMITS.longText + 1)]) {
      expect(errorCode(call('notes.add', { measureId: id, body })), JSON.stringify(body.slice(0, 5))).toBe('VALIDATION')
    }
    expect(errorCode(call('notes.add', { measureId: 'no-such-measure', body: 'x' }))).toBe('NOT_FOUND')
    expect(errorCode(call('notes.add', { measureId: id, body: 'x', extra: 1 }))).toBe('VALIDATION')
    value(call('measures.delete', { id: other }))
    expect(errorCode(call('notes.add', { measureId: other, body: 'x' }))).toBe('NOT_FOUND')
    value(call('measures.restore', { id: other }))
    expect(exportAll()).toBe(before)
    expect(notesOf(id)).toEqual([])
  })

  it('accepts a body of exactly 20,000 characters', () => {
    const body = 'y'.repeat(LIMITS.longText)
    expect(value(call('notes.add', { measureId: id, body })).body).toHaveLength(LIMITS.longText)
  })

  it('lists pinned notes first, then newest first', () => {
    const a = value(call('notes.add', { measureId: id, body: 'a' }))
    tick()
    const b = value(call('notes.add', { measureId: id, body: 'b', pinned: true }))
    tick()
    const c = value(call('notes.add', { measureId: id, body: 'c' }))
    expect(notesOf(id).map((n) => n.id)).toEqual([b.id, c.id, a.id])
  })

  it(`refuses a note beyond ${NOTE_LIMIT} on one measure`, () => {
    const db = temp.store.core.context.db
    inTransaction(db, () => {
      for (let i = 0; i < NOTE_LIMIT; i++) {
        insertNote(db, id, { id: `n-${i}`, body: `note ${i}`, pinned: false, createdAt: timestamp(START), updatedAt: timestamp(START) })
      }
    })
    expect(errorCode(call('notes.add', { measureId: id, body: 'one too many' }))).toBe('CONFLICT')
    value(call('notes.remove', { measureId: id, noteId: 'n-0' }))
    value(call('notes.add', { measureId: id, body: 'now there is room' }))
    expect(errorCode(call('notes.restore', { measureId: id, noteId: 'n-0' }))).toBe('CONFLICT')
  })
})

describe('notes.edit and notes.history', () => {
  it('keeps every earlier text with when it was written and replaced, newest first', () => {
    const note = value(call('notes.add', { measureId: id, body: 'v1' }))
    tick()
    const edited = value(call('notes.edit', { measureId: id, noteId: note.id, body: 'v2' }))
    expect(edited).toMatchObject({ id: note.id, body: 'v2', createdAt: note.createdAt, updatedAt: '2026-11-26T12:01:00.000Z' })
    tick()
    value(call('notes.edit', { measureId: id, noteId: note.id, body: 'v3' }))
    expect(notesOf(id)).toEqual([{ ...edited, body: 'v3', updatedAt: '2026-11-26T12:02:00.000Z' }])
    expect(value(call('notes.history', { measureId: id, noteId: note.id }))).toEqual([
      { body: 'v2', writtenAt: '2026-11-26T12:01:00.000Z', replacedAt: '2026-11-26T12:02:00.000Z' },
      { body: 'v1', writtenAt: '2026-11-26T12:00:00.000Z', replacedAt: '2026-11-26T12:01:00.000Z' },
    ])
    const actions = value(call('measures.get', { id })).history.map((h) => h.action)
    expect(actions.slice(0, 3)).toEqual(['notes.edit', 'notes.edit', 'notes.add'])
  })

  it('keeps edits within one millisecond in order', () => {
    const note = value(call('notes.add', { measureId: id, body: 'v1' }))
    for (const body of ['v2', 'v3', 'v4']) value(call('notes.edit', { measureId: id, noteId: note.id, body }))
    expect(value(call('notes.history', { measureId: id, noteId: note.id })).map((r) => r.body)).toEqual(['v3', 'v2', 'v1'])
  })

  it('records no revision when the text is unchanged', () => {
    const note = value(call('notes.add', { measureId: id, body: 'same' }))
    tick()
    expect(value(call('notes.edit', { measureId: id, noteId: note.id, body: 'same' }))).toEqual(note)
    expect(value(call('notes.history', { measureId: id, noteId: note.id }))).toEqual([])
  })

  it('refuses an unknown or removed note, and an empty body', () => {
    const note = value(call('notes.add', { measureId: id, body: 'x' }))
    expect(errorCode(call('notes.edit', { measureId: id, noteId: 'note-nope', body: 'y' }))).toBe('NOT_FOUND')
    expect(errorCode(call('notes.edit', { measureId: other, noteId: note.id, body: 'y' }))).toBe('NOT_FOUND')
    expect(errorCode(call('notes.edit', { measureId: id, noteId: note.id, body: ' ' }))).toBe('VALIDATION')
    value(call('notes.remove', { measureId: id, noteId: note.id }))
    expect(errorCode(call('notes.edit', { measureId: id, noteId: note.id, body: 'y' }))).toBe('NOT_FOUND')
    expect(errorCode(call('notes.history', { measureId: id, noteId: 'note-nope' }))).toBe('NOT_FOUND')
  })
})

describe('notes.pin', () => {
  it('moves a note to the top and back without changing its edit time', () => {
    const a = value(call('notes.add', { measureId: id, body: 'a' }))
    tick()
    const b = value(call('notes.add', { measureId: id, body: 'b' }))
    tick()
    const pinned = value(call('notes.pin', { measureId: id, noteId: a.id, pinned: true }))
    expect(pinned).toEqual({ ...a, pinned: true })
    expect(notesOf(id).map((n) => n.id)).toEqual([a.id, b.id])
    value(call('notes.pin', { measureId: id, noteId: a.id, pinned: false }))
    expect(notesOf(id).map((n) => n.id)).toEqual([b.id, a.id])
    expect(errorCode(call('notes.pin', { measureId: id, noteId: a.id }))).toBe('VALIDATION')
  })
})

describe('notes.remove and notes.restore', () => {
  it('removes a note (undoably) and restores it with its history', () => {
    const note = value(call('notes.add', { measureId: id, body: 'v1', pinned: true }))
    value(call('notes.edit', { measureId: id, noteId: note.id, body: 'v2' }))
    expect(value(call('notes.remove', { measureId: id, noteId: note.id }))).toEqual({ id: note.id })
    expect(notesOf(id)).toEqual([])
    expect(value(call('measures.list', {})).find((m) => m.id === id)?.noteCount).toBe(0)
    expect(errorCode(call('notes.remove', { measureId: id, noteId: note.id }))).toBe('NOT_FOUND')
    // The history of a removed note can still be read (the undo toast may show it).
    expect(value(call('notes.history', { measureId: id, noteId: note.id }))).toHaveLength(1)

    const restored = value(call('notes.restore', { measureId: id, noteId: note.id }))
    expect(restored).toMatchObject({ id: note.id, body: 'v2', pinned: true, createdAt: note.createdAt })
    expect(notesOf(id)).toEqual([restored])
    expect(value(call('notes.history', { measureId: id, noteId: note.id })).map((r) => r.body)).toEqual(['v1'])
    expect(errorCode(call('notes.restore', { measureId: id, noteId: note.id }))).toBe('CONFLICT')
    const actions = value(call('measures.get', { id })).history.map((h) => h.action)
    expect(actions.slice(0, 2)).toEqual(['notes.restore', 'notes.remove'])
  })
})

describe('board text search over notes', () => {
  it("finds a measure by its note's text, case-insensitively, and not once the note is removed", () => {
    expect(search('drewry')).toEqual([])
    const note = value(call('notes.add', { measureId: id, body: 'Ask **Drewry** analysts about the fee schedule' }))
    expect(search('drewry')).toEqual([id])
    expect(search('FEE SCHEDULE')).toEqual([id])
    value(call('notes.remove', { measureId: id, noteId: note.id }))
    expect(search('drewry')).toEqual([])
    value(call('notes.restore', { measureId: id, noteId: note.id }))
    expect(search('drewry')).toEqual([id])
    value(call('notes.edit', { measureId: id, noteId: note.id, body: 'Nothing to see' }))
    expect(search('drewry')).toEqual([])
  })
})

describe('notes in export and import', () => {
  it('exports live notes only, and a pinned note round-trips through import', () => {
    const kept = value(call('notes.add', { measureId: id, body: 'Pinned **note**', pinned: true }))
    tick()
    const removed = value(call('notes.add', { measureId: id, body: 'Removed note' }))
    value(call('notes.remove', { measureId: id, noteId: removed.id }))
    value(call('notes.edit', { measureId: id, noteId: kept.id, body: 'Pinned **note**, edited' }))

    const file = value(call('exchange.export', {}))
    const exported = file.measures.find((m) => m.id === id)
    expect(exported?.notes).toEqual([{ ...kept, body: 'Pinned **note**, edited', updatedAt: '2026-11-26T12:01:00.000Z' }])

    value(call('exchange.import', { file, replace: true }))
    expect(notesOf(id)).toEqual(exported?.notes)
    expect(value(call('exchange.export', {})).measures).toEqual(file.measures)
    // The imported note is a live note again: it can be edited and found.
    value(call('notes.edit', { measureId: id, noteId: kept.id, body: 'After import' }))
    expect(search('after import')).toEqual([id])
  })
})

describe('tags', () => {
  it('adds a trimmed tag in its own case, once whatever the case', () => {
    expect(value(call('tags.add', { measureId: id, tag: '  Section 301 ' }))).toEqual(['ships', 'Section 301'])
    expect(value(call('tags.add', { measureId: id, tag: 'SECTION 301' }))).toEqual(['ships', 'Section 301'])
    expect(value(call('tags.add', { measureId: id, tag: 'Ships' }))).toEqual(['ships', 'Section 301'])
    expect(value(call('measures.get', { id })).tags).toEqual(['ships', 'Section 301'])
    const [last] = value(call('measures.get', { id })).history
    expect(last).toMatchObject({ action: 'tags.add', measureId: id })
  })

  it("takes a tag's existing spelling from other measures so the filter finds both", () => {
    expect(value(call('tags.add', { measureId: id, tag: 'minerals' }))).toEqual(['ships', 'Minerals'])
    expect(
      value(call('measures.list', { filter: { tag: 'Minerals' } }))
        .map((m) => m.id)
        .sort(),
    ).toEqual([id, other].sort())
    expect(value(call('measures.tags', {}))).toEqual(['Minerals', 'ships'])
  })

  it('removes a tag by exact or case-insensitive name', () => {
    value(call('tags.add', { measureId: id, tag: 'urgent' }))
    expect(value(call('tags.remove', { measureId: id, tag: 'SHIPS' }))).toEqual(['urgent'])
    expect(value(call('tags.remove', { measureId: id, tag: 'urgent' }))).toEqual([])
    expect(errorCode(call('tags.remove', { measureId: id, tag: 'urgent' }))).toBe('NOT_FOUND')
    expect(value(call('measures.list', { filter: { tag: 'ships' } })).map((m) => m.id)).toEqual([])
    expect(value(call('measures.tags', {}))).toEqual(['Minerals'])
  })

  it('refuses blank, too long, multi-line tags, unknown measures, and more than the limit', () => {
    const before = exportAll()
    for (const tag of ['', '   ', 'x'.repeat(61), 'two\nlines', 'tab\there']) {
      expect(errorCode(call('tags.add', { measureId: id, tag })), JSON.stringify(tag)).toBe('VALIDATION')
    }
    expect(errorCode(call('tags.add', { measureId: 'nope', tag: 'x' }))).toBe('NOT_FOUND')
    expect(exportAll()).toBe(before)
    value(call('tags.add', { measureId: id, tag: 'x'.repeat(60) }))
    for (let i = 2; i < LIMITS.tags; i++) value(call('tags.add', { measureId: id, tag: `t${i}` }))
    expect(value(call('measures.get', { id })).tags).toHaveLength(LIMITS.tags)
    expect(errorCode(call('tags.add', { measureId: id, tag: 'one more' }))).toBe('CONFLICT')
  })
})
