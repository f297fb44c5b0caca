// Concurrent edits on the file store (issue 17): the app, the browser host and the command line
// are concurrent writers of one SQLite file; a change based on an older revision of a measure is
// refused with CONFLICT, says who changed it, and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type OpenedStore } from '../open.ts'
import { isStaleChange } from '../../shared/revision.ts'
import type { Result } from '../../shared/result.ts'
import { auditedActor, openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'

const ID = 'us-bis-affiliates-rule'
let temp: TempStore
let other: OpenedStore
beforeEach(async () => {
  temp = await openTempStore()
  // Another process on the same file (the command line while the app is open).
  other = await openStore({ path: temp.path, actor: 'cli:alice', seed: false })
})
afterEach(() => {
  other.close()
  temp.cleanup()
})

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
const revisionNow = () => value(temp.store.core.call('measures.get', { id: ID })).editRevision
const exported = () => JSON.stringify(value(temp.store.core.call('exchange.export', {})).measures)

describe('a change based on a revision of the measure', () => {
  it('is made when the measure is still at that revision, and the answer carries the new one', () => {
    const opened = revisionNow()
    const saved = value(temp.store.core.call('measures.update', { id: ID, facts: { shortName: 'Affiliates' }, baseRevision: opened }))
    expect(saved.shortName).toBe('Affiliates')
    expect(saved.editRevision).not.toBe(opened)
    expect(saved.editRevision).toBe(revisionNow())
  })

  it('is refused with CONFLICT after another process changed the measure, naming who and how, and changes nothing', () => {
    const opened = revisionNow()
    value(other.core.call('notes.add', { measureId: ID, body: 'written from the command line' }))
    const before = exported()
    const answer = temp.store.core.call('measures.update', { id: ID, facts: { shortName: 'Mine' }, baseRevision: opened })
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cli:alice') } })
    const details = !answer.ok ? answer.error.details : undefined
    expect(isStaleChange(details)).toBe(true)
    expect(details).toMatchObject({
      measureId: ID,
      editRevision: revisionNow(),
      change: { actor: auditedActor('cli:alice'), action: 'notes.add' },
    })
    expect(exported()).toBe(before)
    // Made again on the revision the refusal named, it goes through.
    expect(temp.store.core.call('measures.update', { id: ID, facts: { shortName: 'Mine' }, baseRevision: revisionNow() }).ok).toBe(true)
  })

  it('is refused after an import replaced the measure (a writer that keeps no per-measure history)', () => {
    const opened = revisionNow()
    const file = value(temp.store.core.call('exchange.export', {}))
    const measure = file.measures.find((m) => m.id === ID)!
    value(
      other.core.call('exchange.import', {
        file: { ...file, measures: [{ ...measure, shortName: 'Imported', links: [] }] },
        replace: true,
      }),
    )
    expect(
      temp.store.core.call('events.record', {
        measureId: ID,
        event: { kind: 'review', at: '2026-12-01T09:00:00+00:00[UTC]' },
        baseRevision: opened,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('works for every change of one measure — notes, tags, events — and is not needed (the command line sends none)', () => {
    const stale = revisionNow()
    value(temp.store.core.call('tags.add', { measureId: ID, tag: 'watched', baseRevision: stale }))
    for (const [method, input] of [
      ['notes.add', { measureId: ID, body: 'late' }],
      ['tags.remove', { measureId: ID, tag: 'watched' }],
      ['events.record', { measureId: ID, event: { kind: 'review', at: '2026-12-01T09:00:00+00:00[UTC]' } }],
    ] as const)
      expect(temp.store.core.call(method, { ...input, baseRevision: stale }), method).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
    expect(temp.store.core.call('notes.add', { measureId: ID, body: 'no revision given' }).ok).toBe(true)
  })

  it('refuses a malformed revision, and one on a change that names no measure', () => {
    expect(temp.store.core.call('notes.add', { measureId: ID, body: 'x', baseRevision: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['baseRevision'] }] } },
    })
    expect(temp.store.core.call('reminders.setLeadDays', { leadDays: [7], baseRevision: revisionNow() })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
