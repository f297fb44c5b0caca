// `events.recordOutcome` (issue 11): what happened at a lapsed deadline, in one mutation — the
// new source (stored with the measure), the event (through `events.record`, so the same checks
// apply) and, for a replacement, the link to the measure that replaced it. The service runs it
// in one transaction with one audit row: any refusal below leaves the database as it was.
import { eventInputSchema } from '../../shared/api-inputs.ts'
import { LIMITS, type MeasureLink, type Source } from '../../shared/domain.ts'
import { OUTCOME_EVENT_KIND } from '../../shared/outcome.ts'
import { ServiceError, type ApiErrorIssue } from '../../shared/result.ts'
import { insertSource } from '../store/measure-rows.ts'
import type { Handlers } from './context.ts'
import { requireMeasure } from './detail.ts'
import { eventHandlers } from './events.ts'
import { issuesOfZodError } from '../../shared/validation-failure.ts'
import { randomId } from './ids.ts'
import { sourceHandlers } from './sources.ts'

function invalid(message: string, path: (string | number)[]): ServiceError {
  return new ServiceError('VALIDATION', message, { issues: [{ path, message }] })
}

/** `events.record` names its fields under `event`; an outcome has them at the top level. */
function withoutEventPrefix(error: ServiceError): ServiceError {
  const issues = (error.details?.issues as ApiErrorIssue[] | undefined)?.map((issue) => ({
    ...issue,
    path: issue.path[0] === 'event' ? issue.path.slice(1) : issue.path,
  }))
  return issues ? new ServiceError(error.code, error.message, { ...error.details, issues }) : error
}

export const outcomeHandlers: Handlers<'events.recordOutcome'> = {
  'events.recordOutcome': (ctx, input) => {
    const measure = requireMeasure(ctx, input.measureId)
    if (input.replacementId !== undefined) {
      try {
        requireMeasure(ctx, input.replacementId)
      } catch {
        throw invalid(`no measure with id "${input.replacementId}"`, ['replacementId'])
      }
    }

    // The source first, so that the event can cite it. The same address twice is one source.
    let source: Source | null = null
    const sourceIds = [...input.sourceIds]
    if (input.source !== undefined) {
      const given = input.source
      const known = measure.sources.find((s) => s.url === given.url)
      if (known) source = known
      else {
        if (measure.sources.length >= LIMITS.sources) throw invalid(`a measure has at most ${LIMITS.sources} sources`, ['source'])
        source = {
          id: randomId('src'),
          url: given.url,
          title: given.title || new URL(given.url).host,
          publisher: given.publisher,
          date: given.date,
          confidence: given.confidence,
        }
        insertSource(ctx.db, measure.id, source, measure.sources.length)
      }
      if (!sourceIds.includes(source.id)) sourceIds.push(source.id)
    }

    const event = eventInputSchema.safeParse({
      kind: OUTCOME_EVENT_KIND[input.outcome],
      at: input.at,
      ...(input.until !== undefined ? { until: input.until } : {}),
      ...(input.duration !== undefined ? { duration: input.duration } : {}),
      scheduled: false,
      sourceIds,
      note: input.note,
    })
    if (!event.success)
      throw new ServiceError('VALIDATION', event.error.issues.map((i) => i.message).join('; '), { issues: issuesOfZodError(event.error) })
    let recorded
    try {
      recorded = eventHandlers['events.record'](ctx, { measureId: measure.id, event: event.data })
    } catch (error) {
      throw error instanceof ServiceError ? withoutEventPrefix(error) : error
    }

    let link: MeasureLink | null = null
    if (input.outcome === 'replaced' && input.replacementId !== undefined) {
      link =
        measure.links.find((l) => l.targetId === input.replacementId) ??
        sourceHandlers['links.add'](ctx, { measureId: measure.id, targetId: input.replacementId, relation: input.relation })
    }
    return { event: recorded, source, link }
  },
}
