// A measure's revision (issue 17): a digest of everything stored about it — facts, events,
// sources, links, tags, live notes, progress, watch terms, when it was changed or deleted. Any
// writer changes it, whichever path it took (a form, the command line, an import, a dataset
// update), so no write path has to remember to bump a counter, and it needs no column: it is the
// same on every store. Two states with equal content have equal revisions, which is right: a
// change based on either would change the same thing.
import { createHash } from 'node:crypto'
import type { StoredMeasure } from '../store/measure-rows.ts'

export function measureRevision(measure: StoredMeasure): string {
  return createHash('sha256').update(JSON.stringify(measure)).digest('hex').slice(0, 16)
}
