// Handlers for measures as a whole: list with status, read one, create, update, delete, restore.
import type { MeasureSummary } from '../../shared/api-views.ts'
import { ServiceError } from '../../shared/result.ts'
import { epochMs } from '../../shared/time.ts'
import { measureExists, writeFacts } from '../store/measure-rows.ts'
import { listSummaries } from '../store/summaries.ts'
import { statement } from '../store/statements.ts'
import { asOfMs, timestamp } from './clock.ts'
import type { Handlers } from './context.ts'
import { detailOf, requireMeasure } from './detail.ts'
import { slugify, uniqueId } from './ids.ts'

type SortKey = 'next' | 'title' | 'imposer' | 'category'

const bySortKey: Record<SortKey, (a: MeasureSummary, b: MeasureSummary) => number> = {
  // Soonest deadline first; measures with nothing scheduled last.
  next: (a, b) => (a.next?.atMs ?? Infinity) - (b.next?.atMs ?? Infinity),
  title: (a, b) => a.title.en.localeCompare(b.title.en),
  imposer: (a, b) => a.imposer.localeCompare(b.imposer),
  category: (a, b) => a.category.localeCompare(b.category),
}

export function sortSummaries(rows: MeasureSummary[], sort: SortKey): MeasureSummary[] {
  const primary = bySortKey[sort]
  return rows.sort((a, b) => primary(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export const measureHandlers: Handlers<
  'measures.list' | 'measures.get' | 'measures.tags' | 'measures.create' | 'measures.update' | 'measures.delete' | 'measures.restore'
> = {
  'measures.list': (ctx, input) => {
    const rows = listSummaries(ctx.db, { atMs: asOfMs(ctx, input.at, epochMs), filter: input.filter, includeDeleted: input.includeDeleted })
    return sortSummaries(rows, input.sort)
  },

  'measures.get': (ctx, input) => detailOf(ctx, requireMeasure(ctx, input.id, { allowDeleted: true }), asOfMs(ctx, input.at, epochMs)),

  'measures.tags': (ctx) =>
    (
      statement(
        ctx.db,
        'SELECT DISTINCT t.tag FROM measure_tags t JOIN measures m ON m.id = t.measure_id WHERE m.deleted_at IS NULL ORDER BY t.tag',
      ).all() as {
        tag: string
      }[]
    ).map((row) => row.tag),

  'measures.create': (ctx, input) => {
    const now = timestamp(ctx.nowMs())
    const taken = (id: string) => measureExists(ctx.db, id) !== null
    if (input.id !== undefined && taken(input.id)) {
      throw new ServiceError('CONFLICT', `A measure with id "${input.id}" already exists`, {
        issues: [{ path: ['id'], message: 'already in use' }],
      })
    }
    const id = input.id ?? uniqueId(slugify(`${input.facts.imposer}-${input.facts.shortName || input.facts.title.en}`), taken)
    writeFacts(ctx.db, id, input.facts, { createdAt: now, updatedAt: now, deletedAt: null })
    return detailOf(ctx, requireMeasure(ctx, id), ctx.nowMs())
  },

  'measures.update': (ctx, input) => {
    const current = requireMeasure(ctx, input.id)
    const facts = { ...current, ...input.facts }
    writeFacts(ctx.db, input.id, facts, { createdAt: current.createdAt, updatedAt: timestamp(ctx.nowMs()), deletedAt: null })
    return detailOf(ctx, requireMeasure(ctx, input.id), ctx.nowMs())
  },

  // Deleting keeps the rows (deleted_at) so "undo" and the restore command bring everything back.
  'measures.delete': (ctx, input) => {
    requireMeasure(ctx, input.id)
    statement(ctx.db, 'UPDATE measures SET deleted_at = ? WHERE id = ?').run(timestamp(ctx.nowMs()), input.id)
    return { id: input.id }
  },

  'measures.restore': (ctx, input) => {
    const measure = requireMeasure(ctx, input.id, { allowDeleted: true })
    if (measure.deletedAt === null) throw new ServiceError('CONFLICT', `Measure "${input.id}" is not deleted`)
    statement(ctx.db, 'UPDATE measures SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(timestamp(ctx.nowMs()), input.id)
    return detailOf(ctx, requireMeasure(ctx, input.id), ctx.nowMs())
  },
}
