// Each measure of a dataset may carry the dataset's revision of it: the review says "revision 2 → 3",
// the revision is kept beside the measure's base and never compared as a fact, so a file that
// only raises a revision changes nothing and no revision ever reads as the user's edit.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CORRECTED, datasetNextVersion } from '../../../test/fixtures/dataset-update.ts'
import { cli } from '../../../test/helpers/run-cli.ts'
import { openTempStore, tempDir, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { DatasetDiff } from '../../shared/dataset-update.ts'

let temp: TempStore | undefined
afterEach(() => {
  temp?.cleanup()
  temp = undefined
})

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

type Measure = ReturnType<typeof datasetNextVersion>['measures'][number]

/** The next-version fixture with revisions: `revision` on the corrected measure, 1 on every other. */
function withRevisions(file: ReturnType<typeof datasetNextVersion>, revision: number) {
  for (const measure of file.measures as (Measure & { revision?: number })[])
    measure.revision = measure.id === CORRECTED.measureId ? revision : 1
  return file
}

describe('a measure’s revision in a dataset', () => {
  it('is shown from the last applied revision to the new one, and is not a fact the update writes', async () => {
    temp = await openTempStore()
    const service = temp.store.core
    const next = withRevisions(datasetNextVersion(), 2)

    const first = value(service.call('dataset.diff', { file: next })) as DatasetDiff
    const corrected = first.updates.find((u) => u.id === CORRECTED.measureId)
    // The shipped dataset gives no revisions: only the new side has one.
    expect(corrected?.revision).toEqual({ from: null, to: 2 })
    expect(corrected?.changes.map((c) => c.path)).toEqual([`events[${CORRECTED.eventId}].at`])
    value(service.call('dataset.apply', { file: next, measureIds: [CORRECTED.measureId] }))
    // The database's measure never carries the dataset's revision.
    expect(value(service.call('measures.get', { id: CORRECTED.measureId }))).not.toHaveProperty('revision')

    // One version on: the same measure corrected again, now at revision 3.
    const later = withRevisions(datasetNextVersion(), 3)
    later.dataset = { id: later.dataset!.id, version: later.dataset!.version + 1 }
    const event = later.measures.find((m) => m.id === CORRECTED.measureId)!.events.find((e) => e.id === CORRECTED.eventId)!
    event.at = '2026-11-12T00:00:00-05:00[America/New_York]'
    const second = value(service.call('dataset.diff', { file: later })) as DatasetDiff
    expect(second.updates.find((u) => u.id === CORRECTED.measureId)?.revision).toEqual({ from: 2, to: 3 })
  })

  it('changes nothing when a file raises revisions alone', async () => {
    temp = await openTempStore()
    const service = temp.store.core
    const next = withRevisions(datasetNextVersion(), 2)
    value(service.call('dataset.apply', { file: next }))
    const before = value(service.call('exchange.export', {}))

    const raised = withRevisions(datasetNextVersion(), 7)
    for (const measure of raised.measures as (Measure & { revision?: number })[]) measure.revision = (measure.revision ?? 1) + 1
    raised.dataset = { id: raised.dataset!.id, version: raised.dataset!.version + 1 }
    const diff = value(service.call('dataset.diff', { file: raised })) as DatasetDiff
    expect(diff.updates).toEqual([])
    value(service.call('dataset.apply', { file: raised }))
    const after = value(service.call('exchange.export', {}))
    expect({ ...(after as object), exportedAt: null }).toEqual({ ...(before as object), exportedAt: null })
  })
})

describe('measure-tracker dataset diff', () => {
  it('names each measure’s revision beside its kind', async () => {
    const dir = tempDir('mt-revision-')
    const file = join(dir, 'next.json')
    writeFileSync(file, JSON.stringify(withRevisions(datasetNextVersion(), 2)))
    const db = join(dir, 'm.db')
    const run = await cli('--db', db, 'dataset', 'diff', file)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(new RegExp(`^~ ${CORRECTED.measureId} .*\\(revision – → 2\\)$`, 'm'))
  })
})
