// Handlers for a measure's life: record an event, remove one, pick which source's date counts.
import type { MeasureEvent } from '../../shared/domain.ts'
import { ServiceError, type ApiErrorIssue } from '../../shared/result.ts'
import { addDuration, epochMs } from '../../shared/time.ts'
import { addEvent, removeEvent, type StoredMeasure } from '../store/measure-rows.ts'
import type { Handlers } from './context.ts'
import { touch } from './touch.ts'
import { requireMeasure } from './detail.ts'
import { randomId } from './ids.ts'

function invalid(message: string, path: (string | number)[]): ServiceError {
  const issues: ApiErrorIssue[] = [{ path, message }]
  return new ServiceError('VALIDATION', message, { issues })
}

function checkSourcesCited(measure: StoredMeasure, ids: readonly string[], path: (string | number)[]): void {
  const known = new Set(measure.sources.map((s) => s.id))
  const unknown = ids.find((id) => !known.has(id))
  if (unknown !== undefined) throw invalid(`cites unknown source "${unknown}"`, path)
}

export const eventHandlers: Handlers<'events.record' | 'events.remove' | 'events.chooseAlternative'> = {
  'events.record': (ctx, { measureId, event: input }) => {
    const measure = requireMeasure(ctx, measureId)
    checkSourcesCited(measure, input.sourceIds, ['event', 'sourceIds'])
    input.alternatives.forEach((alt, i) => checkSourcesCited(measure, alt.sourceIds, ['event', 'alternatives', i, 'sourceIds']))
    const until = input.duration !== undefined ? addDuration(input.at, input.duration) : (input.until ?? null)
    if (until !== null && epochMs(until) <= epochMs(input.at)) {
      throw invalid(`the end (${until}) must come after the start (${input.at})`, ['event', 'until'])
    }
    const event: MeasureEvent = {
      id: randomId('ev'),
      kind: input.kind,
      at: input.at,
      until,
      scheduled: input.scheduled,
      rate: input.rate ?? null,
      scope: input.scope ?? null,
      sourceIds: input.sourceIds,
      note: input.note,
      alternatives: input.alternatives,
      rateValue: input.rateValue ?? null,
      part: input.part ?? null,
      whenSuspended: input.whenSuspended ?? null,
      translations: input.translations ?? {},
    }
    addEvent(ctx.db, measureId, event)
    touch(ctx, measureId)
    return event
  },

  'events.remove': (ctx, { measureId, eventId }) => {
    requireMeasure(ctx, measureId)
    if (!removeEvent(ctx.db, measureId, eventId)) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no event "${eventId}"`)
    touch(ctx, measureId)
    return { id: eventId }
  },

  // Two sources disagree on a date: the chosen alternative becomes the event's value and the
  // value it replaces becomes an alternative, so neither is lost.
  'events.chooseAlternative': (ctx, { measureId, eventId, index }) => {
    const measure = requireMeasure(ctx, measureId)
    const event = measure.events.find((e) => e.id === eventId)
    if (!event) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no event "${eventId}"`)
    const chosen = event.alternatives[index]
    if (!chosen) throw invalid(`event "${eventId}" has no alternative ${index}`, ['index'])
    const previous = chosen.field === 'at' ? event.at : event.until
    if (previous === null) throw invalid('the event has no value for that date to swap with', ['index'])
    const updated: MeasureEvent = {
      ...event,
      [chosen.field]: chosen.value,
      alternatives: event.alternatives.map((alt, i) =>
        i === index ? { field: chosen.field, value: previous, sourceIds: event.sourceIds, note: 'previously chosen value' } : alt,
      ),
      sourceIds: chosen.sourceIds.length > 0 ? chosen.sourceIds : event.sourceIds,
    }
    if (updated.until !== null && epochMs(updated.until) <= epochMs(updated.at)) {
      throw invalid('with that date the event would end before it starts', ['index'])
    }
    removeEvent(ctx.db, measureId, eventId)
    addEvent(ctx.db, measureId, updated)
    touch(ctx, measureId)
    return updated
  },
}
