// The signed dataset update feed (issue 16): the user's settings (address, trusted key, schedule),
// the request of a check, and what a check found. Like watching, the service stays synchronous and
// never touches the network: the watch runner (core/watch/runner.ts) or the CLI fetches and hands
// the exact bytes to `datasetFeed.record`, which verifies them here (signature, identity, version,
// file) and keeps a verified newer dataset waiting for the review — never applied by itself.
// `datasetFeed.waitingFile` gives it to the review, which diffs and applies it like any dataset file.
import {
  datasetFeedUrlProblem,
  signatureUrlOf,
  type DatasetFeedPlan,
  type DatasetFeedResult,
  type DatasetFeedSchedule,
  type DatasetFeedSettings,
  type DatasetFeedStatus,
} from '../../shared/dataset-feed.ts'
import type { DatasetIdentity } from '../../shared/dataset-update.ts'
import { ServiceError } from '../../shared/result.ts'
import { DAY_MS } from '../../shared/time-units.ts'
import { installedDataset } from '../dataset-update/dataset-state.ts'
import { judgeFeedDataset, normalizeEd25519PublicKey, publicKeyFingerprint } from '../dataset-update/feed.ts'
import { DATASET_FEED_LIMITS } from '../dataset-update/feed-fetch.ts'
import { readSetting, writeSetting } from '../store/settings.ts'
import { statement } from '../store/statements.ts'
import { isDue, nextCheckMs, type CheckRecord } from '../watch/schedule.ts'
import { writeAudit } from './audit.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'

const SETTINGS_KEY = 'datasetFeed.settings'
const CHECK_KEY = 'datasetFeed.check'
const REQUEST_KEY = 'datasetFeed.requestedMs'
const RUNNING_KEY = 'datasetFeed.runningSinceMs'
const WAITING_KEY = 'datasetFeed.waiting'
/** The waiting file's text, apart from its description so a status read does not parse megabytes. */
const WAITING_FILE_KEY = 'datasetFeed.waitingFile'
/** A run that began this long ago and never ended (the host was closed) no longer counts as running. */
const RUN_GONE_MS = 10 * 60_000

const INTERVAL_MS: Record<Exclude<DatasetFeedSchedule, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS }
const OFF: DatasetFeedSettings = { url: '', publicKey: '', schedule: 'off' }

interface StoredCheck extends CheckRecord {
  lastResult: DatasetFeedResult | null
}
interface Waiting {
  dataset: DatasetIdentity
  fetchedAt: string
  url: string
  sha256: string
}

const readJson = <T>(ctx: ServiceContext, key: string): T | null => {
  const text = readSetting(ctx.db, key)
  return text === null ? null : (JSON.parse(text) as T)
}
const clearSetting = (ctx: ServiceContext, key: string) => statement(ctx.db, 'DELETE FROM settings WHERE key = ?').run(key)
const msSetting = (ctx: ServiceContext, key: string): number | null => {
  const value = Number(readSetting(ctx.db, key))
  return Number.isFinite(value) && value > 0 ? value : null
}
const iso = (ms: number | null) => (ms === null ? null : timestamp(ms))

const feedSettings = (ctx: ServiceContext): DatasetFeedSettings => readJson<DatasetFeedSettings>(ctx, SETTINGS_KEY) ?? OFF
const readCheck = (ctx: ServiceContext): StoredCheck =>
  readJson<StoredCheck>(ctx, CHECK_KEY) ?? { lastSuccessMs: null, lastAttemptMs: null, failures: 0, lastResult: null }
const isSet = (settings: DatasetFeedSettings) => settings.url !== '' && settings.publicKey !== ''

/** The waiting dataset while it is still newer than the database's (applying it makes it current). */
function waiting(ctx: ServiceContext): Waiting | null {
  const stored = readJson<Waiting>(ctx, WAITING_KEY)
  const installed = installedDataset(ctx.db)
  if (!stored) return null
  if (installed && (stored.dataset.id !== installed.id || stored.dataset.version <= installed.version)) return null
  return stored
}

function forgetWaiting(ctx: ServiceContext): void {
  clearSetting(ctx, WAITING_KEY)
  clearSetting(ctx, WAITING_FILE_KEY)
}

function nextDueMs(ctx: ServiceContext, settings: DatasetFeedSettings): number | null {
  if (!isSet(settings) || settings.schedule === 'off') return null
  return nextCheckMs(readCheck(ctx), INTERVAL_MS[settings.schedule])
}

export function datasetFeedStatus(ctx: ServiceContext): DatasetFeedStatus {
  const settings = feedSettings(ctx)
  const check = readCheck(ctx)
  const next = nextDueMs(ctx, settings)
  const running = msSetting(ctx, RUNNING_KEY)
  return {
    url: settings.url,
    signatureUrl: settings.url === '' ? '' : signatureUrlOf(settings.url),
    publicKey: settings.publicKey,
    fingerprint: settings.publicKey === '' ? '' : publicKeyFingerprint(settings.publicKey),
    schedule: settings.schedule,
    installed: installedDataset(ctx.db),
    lastCheckedAt: iso(check.lastAttemptMs),
    lastSuccessAt: iso(check.lastSuccessMs),
    failures: check.failures,
    lastResult: check.lastResult,
    nextCheckAt: next === null ? null : iso(Math.max(next, ctx.nowMs())),
    waiting: waiting(ctx),
    checkRequestedAt: iso(msSetting(ctx, REQUEST_KEY)),
    runningSince: running !== null && ctx.nowMs() - running < RUN_GONE_MS ? iso(running) : null,
  }
}

const URL_PROBLEMS: Record<NonNullable<ReturnType<typeof datasetFeedUrlProblem>>, string> = {
  empty: 'The feed needs an address',
  'not-a-url': 'The feed address is not a web address',
  'not-https': 'The feed address must start with https:// (datasets are fetched over HTTPS only)',
  credentials: 'The feed address must not contain a user name or password',
  'too-long': 'The feed address is too long',
}

/** The settings as they are stored: the address trimmed, the key as base64 of its 32 bytes. */
function validSettings(input: DatasetFeedSettings): DatasetFeedSettings {
  const url = input.url.trim()
  const urlProblem = url === '' ? null : datasetFeedUrlProblem(url)
  if (urlProblem) throw new ServiceError('VALIDATION', `${URL_PROBLEMS[urlProblem]}: ${url.slice(0, 200)}`)
  let publicKey = ''
  if (input.publicKey.trim() !== '') {
    const normalized = normalizeEd25519PublicKey(input.publicKey)
    if (!normalized)
      throw new ServiceError(
        'VALIDATION',
        'The trusted key must be an Ed25519 public key: base64 of its 32 bytes, or a PEM "PUBLIC KEY" block',
      )
    publicKey = normalized
  }
  if (input.schedule !== 'off' && (url === '' || publicKey === ''))
    throw new ServiceError('VALIDATION', 'A scheduled check needs the feed address and the key you trust')
  return { url, publicKey, schedule: input.schedule }
}

function plan(ctx: ServiceContext): DatasetFeedPlan {
  const settings = feedSettings(ctx)
  const now = ctx.nowMs()
  const requested = msSetting(ctx, REQUEST_KEY)
  if (!isSet(settings)) return { nowMs: now, url: '', due: false, requestedMs: requested, nextDueMs: null }
  const scheduled = settings.schedule !== 'off' && isDue(readCheck(ctx), now, INTERVAL_MS[settings.schedule])
  const next = nextDueMs(ctx, settings)
  return {
    nowMs: now,
    url: settings.url,
    due: requested !== null || scheduled,
    requestedMs: requested,
    nextDueMs: next === null ? null : Math.max(next, now),
  }
}

/** Stores what a check ended with; a success (newer or current) resets the back-off. */
function recordResult(ctx: ServiceContext, result: DatasetFeedResult): void {
  const now = ctx.nowMs()
  const before = readCheck(ctx)
  const success = result.kind === 'newer' || result.kind === 'current'
  const check: StoredCheck = {
    lastAttemptMs: now,
    lastSuccessMs: success ? now : before.lastSuccessMs,
    failures: success ? 0 : before.failures + 1,
    lastResult: result,
  }
  writeSetting(ctx.db, CHECK_KEY, JSON.stringify(check))
  writeAudit(ctx.db, {
    at: timestamp(now),
    actor: ctx.actor,
    action: 'datasetFeed.record',
    measureId: null,
    before: null,
    after: { url: feedSettings(ctx).url, result: result.kind, dataset: result.dataset },
  })
}

type DatasetFeedMethods =
  | 'datasetFeed.status'
  | 'datasetFeed.configure'
  | 'datasetFeed.checkNow'
  | 'datasetFeed.waitingFile'
  | 'datasetFeed.plan'
  | 'datasetFeed.record'

export const datasetFeedHandlers: Handlers<DatasetFeedMethods> = {
  'datasetFeed.status': (ctx) => datasetFeedStatus(ctx),

  'datasetFeed.configure': (ctx, input) => {
    const before = feedSettings(ctx)
    const after = validSettings(input)
    writeSetting(ctx.db, SETTINGS_KEY, JSON.stringify(after))
    // A dataset verified for another address or against another key is not what the user trusts now.
    if (before.url !== after.url || before.publicKey !== after.publicKey) {
      forgetWaiting(ctx)
      clearSetting(ctx, CHECK_KEY)
    }
    if (!isSet(after)) clearSetting(ctx, REQUEST_KEY)
    if (JSON.stringify(before) !== JSON.stringify(after))
      writeAudit(ctx.db, { at: timestamp(ctx.nowMs()), actor: ctx.actor, action: 'datasetFeed.configure', measureId: null, before, after })
    return datasetFeedStatus(ctx)
  },

  // A request, not the check itself: the runner of the host that has the store open sees it and runs.
  'datasetFeed.checkNow': (ctx) => {
    if (!isSet(feedSettings(ctx))) throw new ServiceError('VALIDATION', "Set the feed's address and the key you trust first")
    writeSetting(ctx.db, REQUEST_KEY, String(ctx.nowMs()))
    return datasetFeedStatus(ctx)
  },

  'datasetFeed.waitingFile': (ctx) => {
    const stored = waiting(ctx)
    const text = readSetting(ctx.db, WAITING_FILE_KEY)
    if (!stored || text === null) throw new ServiceError('NOT_FOUND', 'No verified dataset from the feed is waiting for review')
    return { dataset: stored.dataset, file: JSON.parse(text) as unknown }
  },

  'datasetFeed.plan': (ctx) => plan(ctx),

  'datasetFeed.record': (ctx, input) => {
    if (input.phase === 'begin') {
      clearSetting(ctx, REQUEST_KEY)
      writeSetting(ctx.db, RUNNING_KEY, String(ctx.nowMs()))
      return { result: null }
    }
    if (input.phase === 'end') {
      clearSetting(ctx, RUNNING_KEY)
      return { result: null }
    }
    const settings = feedSettings(ctx)
    // The user changed the address (or removed it) while this check ran: its answer is not theirs.
    if (input.url !== settings.url || !isSet(settings)) return { result: null }
    const at = timestamp(ctx.nowMs())
    if (input.phase === 'failed') {
      const result: DatasetFeedResult = { kind: input.kind, ok: false, message: input.message, dataset: null, at }
      recordResult(ctx, result)
      return { result }
    }
    const verdict = judgeFeedDataset({
      bytes: input.bytes,
      signature: input.signature,
      publicKey: settings.publicKey,
      installed: installedDataset(ctx.db),
      maxBytes: DATASET_FEED_LIMITS.dataset.maxBytes,
    })
    const result: DatasetFeedResult = {
      kind: verdict.kind,
      ok: verdict.kind === 'newer' || verdict.kind === 'current',
      message: verdict.message,
      dataset: verdict.dataset,
      at,
    }
    if (verdict.kind === 'newer') {
      const kept: Waiting = { dataset: verdict.dataset, fetchedAt: at, url: settings.url, sha256: verdict.sha256 }
      writeSetting(ctx.db, WAITING_KEY, JSON.stringify(kept))
      writeSetting(ctx.db, WAITING_FILE_KEY, verdict.text)
    }
    recordResult(ctx, result)
    return { result }
  },
}
