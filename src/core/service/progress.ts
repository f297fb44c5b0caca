// Handlers for a commitment's recorded progress: the figures (value as of an instant, with
// sources) from which the status engine decides met / missed / needs review.
import type { ProgressEntry } from '../../shared/domain.ts'
import { ServiceError } from '../../shared/result.ts'
import { insertProgress, removeProgress } from '../store/measure-rows.ts'
import { timestamp } from './clock.ts'
import type { Handlers } from './context.ts'
import { requireMeasure } from './detail.ts'
import { randomId } from './ids.ts'
import { touch } from './touch.ts'

function invalid(message: string, path: (string | number)[]): ServiceError {
  return new ServiceError('VALIDATION', message, { issues: [{ path, message }] })
}

export const progressHandlers: Handlers<'progress.record' | 'progress.remove'> = {
  'progress.record': (ctx, { measureId, entry: input }) => {
    const measure = requireMeasure(ctx, measureId)
    // Progress without a target cannot be judged; say so rather than store a figure nobody reads.
    if (measure.commitment === null) throw invalid(`measure "${measureId}" has no commitment to record progress towards`, ['measureId'])
    const known = new Set(measure.sources.map((s) => s.id))
    const unknown = input.sourceIds.find((id) => !known.has(id))
    if (unknown !== undefined) throw invalid(`cites unknown source "${unknown}"`, ['entry', 'sourceIds'])
    const entry: ProgressEntry = {
      id: randomId('pr'),
      value: input.value,
      asOf: input.asOf,
      sourceIds: input.sourceIds,
      note: input.note,
      recordedAt: timestamp(ctx.nowMs()),
    }
    insertProgress(ctx.db, measureId, entry)
    touch(ctx, measureId)
    return entry
  },

  'progress.remove': (ctx, { measureId, progressId }) => {
    requireMeasure(ctx, measureId)
    if (!removeProgress(ctx.db, measureId, progressId))
      throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no progress entry "${progressId}"`)
    touch(ctx, measureId)
    return { id: progressId }
  },
}
