// Handlers for a measure's sources and its links to counter-measures.
import { pluralText } from '../../shared/i18n/plural.ts'
import { ServiceError } from '../../shared/result.ts'
import { insertLink, insertSource, measureExists, updateSource } from '../store/measure-rows.ts'
import { statement } from '../store/statements.ts'
import type { Handlers } from './context.ts'
import { requireMeasure } from './detail.ts'
import { randomId } from './ids.ts'
import { touch } from './touch.ts'

export const sourceHandlers: Handlers<'sources.add' | 'sources.update' | 'sources.remove' | 'links.add' | 'links.remove'> = {
  'sources.add': (ctx, { measureId, source }) => {
    const measure = requireMeasure(ctx, measureId)
    const id = source.id ?? randomId('src')
    if (measure.sources.some((s) => s.id === id)) throw new ServiceError('CONFLICT', `Measure "${measureId}" already has a source "${id}"`)
    const stored = { ...source, id }
    insertSource(ctx.db, measureId, stored, measure.sources.length)
    touch(ctx, measureId)
    return stored
  },

  'sources.update': (ctx, { measureId, source }) => {
    requireMeasure(ctx, measureId)
    if (!updateSource(ctx.db, measureId, source)) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no source "${source.id}"`)
    touch(ctx, measureId)
    return source
  },

  // A source an event still cites cannot go: the event would point at nothing.
  'sources.remove': (ctx, { measureId, sourceId }) => {
    const measure = requireMeasure(ctx, measureId)
    if (!measure.sources.some((s) => s.id === sourceId))
      throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no source "${sourceId}"`)
    const citing = measure.events.filter(
      (e) => e.sourceIds.includes(sourceId) || e.alternatives.some((a) => a.sourceIds.includes(sourceId)),
    )
    if (citing.length > 0) {
      throw new ServiceError(
        'CONFLICT',
        `Source "${sourceId}" is cited by ${pluralText('en', citing.length, { one: '{count} event', other: '{count} events' })}; remove those citations first`,
        {
          eventIds: citing.map((e) => e.id),
        },
      )
    }
    statement(ctx.db, 'DELETE FROM sources WHERE measure_id = ? AND id = ?').run(measureId, sourceId)
    touch(ctx, measureId)
    return { id: sourceId }
  },

  // Links are kept in both directions: a counter-measure pair reads the same from either side.
  'links.add': (ctx, { measureId, targetId, relation }) => {
    requireMeasure(ctx, measureId)
    if (targetId === measureId)
      throw new ServiceError('VALIDATION', 'A measure cannot link to itself', { issues: [{ path: ['targetId'], message: 'same measure' }] })
    if (measureExists(ctx.db, targetId) === null) throw new ServiceError('NOT_FOUND', `No measure with id "${targetId}"`)
    insertLink(ctx.db, measureId, { targetId, relation })
    insertLink(ctx.db, targetId, { targetId: measureId, relation })
    touch(ctx, measureId)
    touch(ctx, targetId)
    return { targetId, relation }
  },

  'links.remove': (ctx, { measureId, targetId }) => {
    requireMeasure(ctx, measureId)
    const removed = statement(
      ctx.db,
      'DELETE FROM links WHERE (measure_id = ? AND target_id = ?) OR (measure_id = ? AND target_id = ?)',
    ).run(measureId, targetId, targetId, measureId)
    if (removed.changes === 0) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" is not linked to "${targetId}"`)
    touch(ctx, measureId)
    touch(ctx, targetId)
    return { targetId }
  },
}
