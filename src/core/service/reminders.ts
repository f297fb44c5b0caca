// Reminders: the lead times (settings), what is due now (the pure schedule in core/reminders over
// the store), recording what was shown (so nothing shows twice, across restarts), and the two
// lists the app shows beside them — deadlines coming up, and passed deadlines nobody confirmed.
//
// The Electron main process drives it: on start, on its timer (`nextWakeMs`) and when the data
// changes it calls reminders.due, shows each reminder with `superseded: false` as a notification
// (text: core/reminders/notification-text.ts), then calls reminders.markShown with *all* the keys —
// also when there were none, so the last check is recorded and what falls due later while the app
// is closed is recognised as missed. Missed and on-time reminders are recorded in two calls.
import type { Db } from '../store/db.ts'
import { DEFAULT_LEAD_DAYS } from '../../shared/api-inputs.ts'
import type { MeasureSummary, UpcomingTransition } from '../../shared/api-views.ts'
import type { Category, LocalizedText, Status } from '../../shared/domain.ts'
import { ServiceError } from '../../shared/result.ts'
import { epochMs } from '../../shared/time.ts'
import { isWithinDays, zonedDeadline } from '../../shared/within-days.ts'
import { dueReminders, nextWakeMs, normalizeLeadDays, parseReminderKey, type ScheduledTransition } from '../reminders/schedule.ts'
import { statusAt, transitionsOf, type EngineBase, type TimedEvent } from '../status/engine.ts'
import { commitmentBases, parseRateValue } from '../store/commitment-rows.ts'
import { ROW_TEXT_COLUMNS, rowTranslationsOf, titleOfCells } from '../store/text-cells.ts'
import { listSummaries } from '../store/summaries.ts'
import { readSetting, writeSetting } from '../store/settings.ts'
import { statement } from '../store/statements.ts'
import { arrays, decodeTimeline, timelineOf } from '../store/array-rows.ts'
import { writeAudit } from './audit.ts'
import { asOfMs, timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'

const LEAD_DAYS_KEY = 'reminders.leadDays'
const LAST_RUN_KEY = 'reminders.lastRunMs'

/** The user's lead times, largest first (the default until set). A damaged value reads as the default. */
export function readLeadDays(db: Db): number[] {
  const stored = readSetting(db, LEAD_DAYS_KEY)
  if (stored !== null) {
    try {
      const parsed = JSON.parse(stored) as unknown
      if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((d) => Number.isInteger(d) && d >= 0)) {
        return normalizeLeadDays(parsed as number[]).reverse()
      }
    } catch {
      // fall through to the default
    }
  }
  return [...DEFAULT_LEAD_DAYS]
}

/** The setting that holds when this person's reminders were last looked at (each person's own on a team database). */
function lastRunKey(ctx: ServiceContext): string {
  return ctx.shownTo ? `${LAST_RUN_KEY}:${ctx.shownTo}` : LAST_RUN_KEY
}

function readLastRunMs(ctx: ServiceContext): number | null {
  const stored = readSetting(ctx.db, lastRunKey(ctx))
  const value = stored === null ? NaN : Number(stored)
  return Number.isFinite(value) ? value : null
}

/** A measure as the reminder lists need it: identity, and its events as the engine reads them. */
export interface MeasureLife {
  id: string
  title: LocalizedText
  shortName: string
  imposer: string
  target: string
  category: Category
  instrument: string
  /** The short name and instrument in Chinese, as a board row has them. */
  translations: MeasureSummary['translations']
  rate: string | null
  scope: string
  updatedAt: string
  events: TimedEvent[]
  /** What the engine folds from: rate (text and number), scope, and a commitment with its progress. */
  base: EngineBase
}

/**
 * Every measure not deleted (or only `onlyId`), with its events as the engine reads them, from
 * the timeline column, as the board's summaries read them. `batch`: only the first `limit` of
 * them in id order after `afterId` (a calendar of any size reads its measures a batch at a time),
 * their timelines decoded without the memo (timelineOf), which would keep every one of them.
 */
export function readMeasureLives(db: Db, onlyId?: string, batch?: { afterId: string; limit: number }): MeasureLife[] {
  const one = onlyId === undefined ? '' : ' AND id = ?'
  const after = batch === undefined ? '' : ' AND id > ?'
  const measures = arrays(
    db,
    `SELECT id, title_en, title_zh_hant, title_zh_hans, short_name, imposer, target, category, instrument, rate, scope, updated_at, timeline,
       rate_value, commitment, ${ROW_TEXT_COLUMNS}
     FROM measures WHERE deleted_at IS NULL${one}${after} ORDER BY id${batch === undefined ? '' : ' LIMIT ?'}`,
    ...(onlyId === undefined ? [] : [onlyId]),
    ...(batch === undefined ? [] : [batch.afterId, batch.limit]),
  )
  const commitments = commitmentBases(db)
  return measures.map((m) => {
    return {
      id: m[0] as string,
      title: titleOfCells(m[1], m[2], m[3], m[15]),
      shortName: m[4] as string,
      imposer: m[5] as string,
      target: m[6] as string,
      category: m[7] as Category,
      instrument: m[8] as string,
      translations: rowTranslationsOf(m[16], m[17]),
      rate: m[9] as string | null,
      scope: m[10] as string,
      updatedAt: m[11] as string,
      events: batch === undefined ? timelineOf(m[0] as string, m[12] as string) : decodeTimeline(m[12] as string),
      base: {
        rate: m[9] as string | null,
        scope: m[10] as string,
        rateValue: parseRateValue(m[13]),
        ...commitments.baseOf(m[0] as string, m[14]),
      },
    }
  })
}

function scheduledTransitions(lives: readonly MeasureLife[]): ScheduledTransition[] {
  return lives.flatMap((life) =>
    transitionsOf(life.events, life.base).map((transition) => ({ measureId: life.id, title: life.title, transition })),
  )
}

export const reminderHandlers: Handlers<
  'reminders.settings' | 'reminders.setLeadDays' | 'reminders.due' | 'reminders.markShown' | 'reminders.upcoming' | 'reminders.needsReview'
> = {
  'reminders.settings': (ctx) => ({ leadDays: readLeadDays(ctx.db) }),

  // Audited here (see SELF_AUDITED in index.ts) so the row keeps the lead times before the change.
  'reminders.setLeadDays': (ctx, { leadDays }) => {
    const before = readLeadDays(ctx.db)
    const after = normalizeLeadDays(leadDays).reverse()
    writeSetting(ctx.db, LEAD_DAYS_KEY, JSON.stringify(after))
    writeAudit(ctx.db, {
      at: timestamp(ctx.nowMs()),
      actor: ctx.actor,
      action: 'reminders.setLeadDays',
      measureId: null,
      before: { leadDays: before },
      after: { leadDays: after },
    })
    return { leadDays: after }
  },

  'reminders.due': (ctx) => {
    const nowMs = ctx.nowMs()
    const transitions = scheduledTransitions(readMeasureLives(ctx.db))
    const leadDays = readLeadDays(ctx.db)
    const shown = new Set(
      (statement(ctx.db, 'SELECT key FROM reminders_shown WHERE shown_to = ?').all(ctx.shownTo ?? '') as { key: string }[]).map(
        (row) => row.key,
      ),
    )
    return {
      nowMs,
      reminders: dueReminders({ nowMs, transitions, leadDays, shown, lastRunMs: readLastRunMs(ctx) }),
      nextWakeMs: nextWakeMs({ nowMs, transitions, leadDays, shown }),
    }
  },

  // Recording is idempotent: a key already recorded keeps its first shown_at. Audited here, and
  // only when something was shown — the empty "checked" call after each look is not a change
  // anyone needs in the trail.
  'reminders.markShown': (ctx, { keys, missed }) => {
    const nowMs = ctx.nowMs()
    const shownAt = timestamp(nowMs)
    const insert = statement(
      ctx.db,
      'INSERT OR IGNORE INTO reminders_shown (key, measure_id, transition_at, lead_days, shown_at, missed, shown_to) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    let recorded = 0
    keys.forEach((key, index) => {
      const parsed = parseReminderKey(key)
      if (parsed === null) {
        throw new ServiceError('VALIDATION', `keys[${index}] is not a reminder key`, {
          issues: [{ path: ['keys', index], message: 'not a reminder key' }],
        })
      }
      recorded += Number(insert.run(key, parsed.measureId, parsed.at, parsed.leadDays, shownAt, missed ? 1 : 0, ctx.shownTo ?? '').changes)
    })
    writeSetting(ctx.db, lastRunKey(ctx), String(nowMs))
    if (recorded > 0) {
      writeAudit(ctx.db, {
        at: shownAt,
        actor: ctx.actor,
        action: 'reminders.markShown',
        measureId: null,
        before: null,
        after: { keys, missed },
      })
    }
    return { recorded, lastRunMs: nowMs }
  },

  // Within `days` of the instant by the app's one rule (shared/within-days.ts: calendar days on
  // each deadline's legal clock, the instant itself excluded).
  'reminders.upcoming': (ctx, input) => {
    const fromMs = asOfMs(ctx, input.at, epochMs)
    const rows: UpcomingTransition[] = []
    for (const life of readMeasureLives(ctx.db)) {
      const ahead = transitionsOf(life.events, life.base).filter((t) => isWithinDays(zonedDeadline(t), fromMs, input.days))
      if (ahead.length === 0) continue
      const { status } = statusAt(life.events, fromMs, life.base)
      for (const transition of ahead) {
        rows.push(upcomingRow(life, status, transition))
      }
    }
    return rows.sort(
      (a, b) =>
        a.transition.atMs - b.transition.atMs || compareText(a.measureId, b.measureId) || compareText(a.transition.kind, b.transition.kind),
    )
  },

  'reminders.needsReview': (ctx, input) =>
    listSummaries(ctx.db, { atMs: asOfMs(ctx, input.at, epochMs), filter: { needsReview: true }, includeDeleted: false }).sort(
      (a, b) => (a.reviewReason?.atMs ?? 0) - (b.reviewReason?.atMs ?? 0) || compareText(a.id, b.id),
    ),
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function upcomingRow(life: MeasureLife, status: Status, transition: UpcomingTransition['transition']): UpcomingTransition {
  return {
    measureId: life.id,
    title: life.title,
    shortName: life.shortName,
    translations: life.translations,
    imposer: life.imposer,
    target: life.target,
    category: life.category,
    status,
    transition,
  }
}
