// calendar.export: the measures (all, or one) as an .ics file — see core/calendar/ics.ts for
// what the file holds. A query: it reads the store and the user's lead times, writes nothing.
import { localizedText } from '../../shared/localized.ts'
import { ServiceError } from '../../shared/result.ts'
import { calendarFor, type CalendarMeasure } from '../calendar/ics.ts'
import { statusAt, transitionsOf } from '../status/engine.ts'
import type { Handlers } from './context.ts'
import { readLeadDays, readMeasureLives, type MeasureLife } from './reminders.ts'

export function calendarMeasureOf(life: MeasureLife): CalendarMeasure {
  const base = life.base
  return {
    id: life.id,
    title: life.title,
    instrument: life.instrument,
    updatedAt: life.updatedAt,
    transitions: transitionsOf(life.events, base).map((transition) => {
      const state = statusAt(life.events, transition.atMs, base)
      return { ...transition, status: state.status, rateState: state }
    }),
  }
}

export const calendarHandlers: Handlers<'calendar.export'> = {
  'calendar.export': (ctx, { measureId, locale }) => {
    const lives = readMeasureLives(ctx.db, measureId)
    if (measureId !== undefined && lives.length === 0) throw new ServiceError('NOT_FOUND', `No measure with id "${measureId}"`, { id: measureId })
    const single = measureId === undefined ? undefined : lives[0]
    const content = calendarFor(lives.map(calendarMeasureOf), {
      leadDays: readLeadDays(ctx.db),
      locale,
      nowMs: ctx.nowMs(),
      ...(single ? { name: `${localizedText(single.title, locale)} — Measure Tracker` } : {}),
    })
    return { filename: `${measureId ?? 'measure-tracker'}.ics`, mimeType: 'text/calendar', content }
  },
}
