// Handlers for watching official sources (issue 16). The service stays synchronous and never touches
// the network: it stores what is watched, what the user asked for (check now, cancel) and what a
// check found. The asynchronous part — the requests — is the check runner (core/watch/runner.ts),
// which the app and the browser host run beside the service; it reads `watch.plan` and writes
// `watch.record`, neither of which the page may call.
import type { MeasureEvent } from '../../shared/domain.ts'
import { ServiceError } from '../../shared/result.ts'
import { type WatchHit, type WatchPlan, type WatchStatus, type WatchTarget } from '../../shared/watch.ts'
import { titleOf } from '../store/measure-rows.ts'
import { readSetting, writeSetting } from '../store/settings.ts'
import { statement } from '../store/statements.ts'
import {
  deleteFeed,
  insertFeed,
  insertHit,
  openHits,
  readCheck,
  readFeeds,
  readHit,
  resolveHit,
  setFeedEnabled,
  watchedMeasures,
  writeCheck,
  writeWatchTerms,
} from '../store/watch-rows.ts'
import { FEDERAL_REGISTER_API } from '../watch/federal-register.ts'
import { federalRegisterSince, isDue, nextCheckMs } from '../watch/schedule.ts'
import { writeAudit } from './audit.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'
import { requireMeasure } from './detail.ts'
import { eventHandlers } from './events.ts'
import { randomId } from './ids.ts'
import { sourceHandlers } from './sources.ts'
import { touch } from './touch.ts'

export const FEDERAL_REGISTER_TARGET = 'federal-register'
export const feedTarget = (id: string) => `feed:${id}`
const FEDERAL_REGISTER_KEY = 'watch.federalRegister'
const REQUEST_KEY = 'watch.requestedMs'
const CANCEL_KEY = 'watch.cancelRequestedMs'
const RUNNING_KEY = 'watch.runningSinceMs'
/** A run that said it began this long ago and never ended (the host was closed) no longer counts as running. */
const RUN_GONE_MS = 10 * 60_000
export const FEDERAL_REGISTER_PUBLISHER = 'Federal Register'

const msSetting = (ctx: ServiceContext, key: string): number | null => {
  const value = Number(readSetting(ctx.db, key))
  return readSetting(ctx.db, key) !== null && Number.isFinite(value) && value > 0 ? value : null
}
const clearSetting = (ctx: ServiceContext, key: string) => statement(ctx.db, 'DELETE FROM settings WHERE key = ?').run(key)
const federalRegisterOn = (ctx: ServiceContext) => readSetting(ctx.db, FEDERAL_REGISTER_KEY) === 'true'
const iso = (ms: number | null) => (ms === null ? null : timestamp(ms))

function target(
  ctx: ServiceContext,
  key: string,
  fields: Omit<WatchTarget, 'lastSuccessAt' | 'lastAttemptAt' | 'failures' | 'lastError' | 'nextCheckAt' | 'key'>,
): WatchTarget {
  const check = readCheck(ctx.db, key)
  const next = fields.enabled ? Math.max(nextCheckMs(check), ctx.nowMs()) : null
  return {
    key,
    ...fields,
    lastSuccessAt: iso(check.lastSuccessMs),
    lastAttemptAt: iso(check.lastAttemptMs),
    failures: check.failures,
    lastError: check.lastError,
    nextCheckAt: iso(next),
  }
}

export function watchStatus(ctx: ServiceContext): WatchStatus {
  const running = msSetting(ctx, RUNNING_KEY)
  return {
    federalRegister: federalRegisterOn(ctx),
    watchedMeasures: watchedMeasures(ctx.db).length,
    targets: [
      target(ctx, FEDERAL_REGISTER_TARGET, {
        kind: 'federal-register',
        address: FEDERAL_REGISTER_API,
        title: FEDERAL_REGISTER_PUBLISHER,
        enabled: federalRegisterOn(ctx),
        keywords: [],
      }),
      ...readFeeds(ctx.db).map((feed) =>
        target(ctx, feedTarget(feed.id), {
          kind: 'feed',
          address: feed.url,
          title: feed.title,
          enabled: feed.enabled,
          keywords: feed.keywords,
        }),
      ),
    ],
    checkRequestedAt: iso(msSetting(ctx, REQUEST_KEY)),
    runningSince: running !== null && ctx.nowMs() - running < RUN_GONE_MS ? iso(running) : null,
  }
}

function watchPlan(ctx: ServiceContext): WatchPlan {
  const now = ctx.nowMs()
  const requested = msSetting(ctx, REQUEST_KEY)
  const dueNow = (key: string) => requested !== null || isDue(readCheck(ctx.db, key), now)
  const nextDue: number[] = []
  const frOn = federalRegisterOn(ctx)
  const frCheck = readCheck(ctx.db, FEDERAL_REGISTER_TARGET)
  if (frOn) nextDue.push(nextCheckMs(frCheck))
  const feeds = readFeeds(ctx.db)
    .filter((feed) => feed.enabled)
    .map((feed) => {
      nextDue.push(nextCheckMs(readCheck(ctx.db, feedTarget(feed.id))))
      return { id: feed.id, url: feed.url, title: feed.title, keywords: feed.keywords, due: dueNow(feedTarget(feed.id)) }
    })
  return {
    nowMs: now,
    federalRegister: {
      enabled: frOn,
      due: frOn && dueNow(FEDERAL_REGISTER_TARGET),
      since: federalRegisterSince(frCheck.lastSuccessMs, now),
    },
    feeds,
    measures: watchedMeasures(ctx.db),
    requestedMs: requested,
    cancelRequestedMs: msSetting(ctx, CANCEL_KEY),
    nextDueMs: nextDue.length === 0 ? null : Math.max(Math.min(...nextDue), now),
  }
}

/** One audit row for a change of what the app contacts (measure-less: these are settings). */
function auditSetting(
  ctx: ServiceContext,
  action: 'watch.configure' | 'watch.addFeed' | 'watch.setFeedEnabled' | 'watch.removeFeed',
  before: unknown,
  after: unknown,
): void {
  writeAudit(ctx.db, { at: timestamp(ctx.nowMs()), actor: ctx.actor, action, measureId: null, before, after })
}

type WatchMethods =
  | 'watch.status'
  | 'watch.configure'
  | 'watch.addFeed'
  | 'watch.setFeedEnabled'
  | 'watch.removeFeed'
  | 'watch.checkNow'
  | 'watch.cancel'
  | 'watch.setTerms'
  | 'watch.hits'
  | 'watch.dismiss'
  | 'watch.cite'
  | 'watch.plan'
  | 'watch.record'

export const watchHandlers: Handlers<WatchMethods> = {
  'watch.status': (ctx) => watchStatus(ctx),

  'watch.configure': (ctx, { federalRegister }) => {
    const before = federalRegisterOn(ctx)
    writeSetting(ctx.db, FEDERAL_REGISTER_KEY, federalRegister ? 'true' : 'false')
    if (before !== federalRegister) auditSetting(ctx, 'watch.configure', { federalRegister: before }, { federalRegister })
    return watchStatus(ctx)
  },

  'watch.addFeed': (ctx, feed) => {
    if (readFeeds(ctx.db).some((existing) => existing.url === feed.url))
      throw new ServiceError('CONFLICT', `The feed ${feed.url} is already watched`)
    const stored = {
      id: randomId('feed'),
      url: feed.url,
      title: feed.title || new URL(feed.url).host,
      keywords: feed.keywords,
      enabled: true,
    }
    insertFeed(ctx.db, stored, timestamp(ctx.nowMs()))
    auditSetting(ctx, 'watch.addFeed', null, stored)
    return watchStatus(ctx)
  },

  'watch.setFeedEnabled': (ctx, { id, enabled }) => {
    if (!setFeedEnabled(ctx.db, id, enabled)) throw new ServiceError('NOT_FOUND', `No feed "${id}"`)
    auditSetting(ctx, 'watch.setFeedEnabled', null, { id, enabled })
    return watchStatus(ctx)
  },

  'watch.removeFeed': (ctx, { id }) => {
    const before = readFeeds(ctx.db).find((feed) => feed.id === id)
    if (!before || !deleteFeed(ctx.db, id)) throw new ServiceError('NOT_FOUND', `No feed "${id}"`)
    auditSetting(ctx, 'watch.removeFeed', before, null)
    return watchStatus(ctx)
  },

  // A request, not the check itself: the runner of the host that has the store open sees it and runs.
  'watch.checkNow': (ctx) => {
    writeSetting(ctx.db, REQUEST_KEY, String(ctx.nowMs()))
    clearSetting(ctx, CANCEL_KEY)
    return watchStatus(ctx)
  },

  'watch.cancel': (ctx) => {
    clearSetting(ctx, REQUEST_KEY)
    writeSetting(ctx.db, CANCEL_KEY, String(ctx.nowMs()))
    return watchStatus(ctx)
  },

  'watch.setTerms': (ctx, { measureId, terms }) => {
    requireMeasure(ctx, measureId)
    writeWatchTerms(ctx.db, measureId, terms)
    touch(ctx, measureId)
    return terms
  },

  'watch.hits': (ctx, { measureId }) => {
    const hits = openHits(ctx.db, measureId)
    if (measureId) return hits
    // Every measure's items (Needs review) carry their measure's title.
    const titles = new Map<string, WatchHit['measureTitle']>()
    for (const id of new Set(hits.map((hit) => hit.measureId))) {
      const row = statement(ctx.db, 'SELECT title_en, title_zh_hant, title_zh_hans FROM measures WHERE id = ?').get(id)
      if (row) titles.set(id, titleOf(row as Record<string, string | null>))
    }
    return hits.map((hit) => ({ ...hit, measureTitle: titles.get(hit.measureId) }))
  },

  'watch.dismiss': (ctx, { measureId, hitId }) => {
    requireMeasure(ctx, measureId)
    const hit = readHit(ctx.db, measureId, hitId)
    if (!hit || hit.resolution !== null) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no open watch item "${hitId}"`)
    resolveHit(ctx.db, hitId, 'dismissed', timestamp(ctx.nowMs()))
    return { id: hitId }
  },

  // The document becomes a source of the measure (or the source it already is, by address) and the
  // new event cites it; the item is then handled (the service's resolveCitedHits marks it).
  'watch.cite': (ctx, { measureId, hitId, event }) => {
    const measure = requireMeasure(ctx, measureId)
    const hit = readHit(ctx.db, measureId, hitId)
    if (!hit || hit.resolution !== null) throw new ServiceError('NOT_FOUND', `Measure "${measureId}" has no open watch item "${hitId}"`)
    const sourceId =
      measure.sources.find((source) => source.url === hit.url)?.id ??
      sourceHandlers['sources.add'](ctx, {
        measureId,
        source: {
          url: hit.url,
          title: hit.title,
          publisher: hit.publisher,
          date: hit.published,
          confidence: hit.origin === 'federal-register' ? 'official' : 'unverified',
        },
      }).id
    const recorded: MeasureEvent = eventHandlers['events.record'](ctx, {
      measureId,
      event: { ...event, sourceIds: [...new Set([...event.sourceIds, sourceId])] },
    })
    resolveHit(ctx.db, hitId, 'cited', timestamp(ctx.nowMs()))
    return recorded
  },

  'watch.plan': (ctx) => watchPlan(ctx),

  'watch.record': (ctx, input) => {
    const now = ctx.nowMs()
    if (input.phase === 'begin') {
      clearSetting(ctx, REQUEST_KEY)
      writeSetting(ctx.db, RUNNING_KEY, String(now))
      return { recorded: 0 }
    }
    if (input.phase === 'end') {
      clearSetting(ctx, RUNNING_KEY)
      clearSetting(ctx, CANCEL_KEY)
      return { recorded: 0 }
    }
    if (!input.measureOnly) writeCheck(ctx.db, input.target, now, input.error)
    let recorded = 0
    const live = new Set(watchedMeasures(ctx.db).map((m) => m.measureId))
    for (const found of input.found) {
      if (!live.has(found.measureId)) continue
      if (insertHit(ctx.db, { ...found, id: randomId('hit') }, timestamp(now), now)) recorded++
    }
    writeAudit(ctx.db, {
      at: timestamp(now),
      actor: ctx.actor,
      action: 'watch.record',
      measureId: null,
      before: null,
      after: { target: input.target, error: input.error, found: input.found.length, recorded },
    })
    return { recorded }
  },
}
