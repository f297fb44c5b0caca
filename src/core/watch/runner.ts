// The check runner: the one place that contacts the network for watching (issue 16). The app's main
// process and the browser host each run one beside their service — never the page, so the CSP stays
// `connect-src 'self'`. It reads `watch.plan`, asks what is due (Federal Register: one request per
// term, see federal-register.ts; each enabled feed: one request), and hands what it found to
// `watch.record`, which stores new items once. Nothing runs while everything is off (the default).
//
// - When: at the earliest instant something enabled falls due (daily after a success, backing off
//   after failures: schedule.ts), and at once when the user asks (`watch.checkNow`). `changed()`
//   is called by the host after every change it learns of, so a request or a switch takes effect at
//   once.
// - Limits: one request at a time; each with a timeout and a size cap (fetch-limited.ts); at most
//   MAX_FEDERAL_REGISTER_REQUESTS per check. Cancel (`watch.cancel`) aborts the request in flight
//   and skips the rest; a cancelled target records nothing (it is not a failure).
import type { Service } from '../service/index.ts'
import type { FoundDocument, WatchPlan } from '../../shared/watch.ts'
import type { DatasetFeedPlan } from '../../shared/dataset-feed.ts'
import { DatasetFeedCancelled, runDatasetFeedCheck, type DATASET_FEED_LIMITS } from '../dataset-update/feed-fetch.ts'
import { DAY_MS, HOUR_MS, SECOND_MS } from '../../shared/time-units.ts'
import { FEDERAL_REGISTER_TARGET, FEDERAL_REGISTER_PUBLISHER, feedTarget } from '../service/watch.ts'
import { feedKeywordsOf, matchingKeyword, parseFeedText } from './feed.ts'
import {
  FEDERAL_REGISTER_API,
  FEDERAL_REGISTER_MAX_PAGES,
  federalRegisterQueries,
  federalRegisterUrl,
  parseFederalRegisterPage,
} from './federal-register.ts'
import { WatchFetchError, fetchLimited, type FetchFunction, type FetchLimits } from './fetch-limited.ts'
import { oneAtATime } from '../one-at-a-time.ts'

export const MAX_FEDERAL_REGISTER_REQUESTS = 200
export const DEFAULT_WATCH_LIMITS: { federalRegister: FetchLimits; feed: FetchLimits } = {
  federalRegister: { timeoutMs: 30 * SECOND_MS, maxBytes: 4_000_000 },
  feed: { timeoutMs: 30 * SECOND_MS, maxBytes: 5_000_000 },
}

type TimerHandle = unknown

export interface WatchRunnerOptions {
  service: Pick<Service, 'call'>
  /** Default: the platform's fetch. */
  fetch?: FetchFunction
  /** The document search's address (tests and mirrors; default the Federal Register's own). */
  federalRegisterApi?: string
  limits?: Partial<typeof DEFAULT_WATCH_LIMITS>
  /** The signed dataset feed's limits (tests; default DATASET_FEED_LIMITS). */
  datasetFeedLimits?: Partial<typeof DATASET_FEED_LIMITS>
  nowMs?: () => number
  setTimeout?: (callback: () => void, ms: number) => TimerHandle
  clearTimeout?: (handle: TimerHandle) => void
  /** After a check stored something (the host tells its pages that data changed). */
  onRecorded?: () => void
  /**
   * After each target's check, with its error (null: it answered). A check of one measure does not
   * record its attempt in the target's status, so the CLI learns of a failure here.
   */
  onChecked?: (target: string, error: string | null) => void
  log?: (message: string) => void
  /**
   * Check for this one measure only (the CLI's `watch check --measure ID`): its terms are asked
   * about, what is found is recorded, and the targets' schedules are left as they were (a check of
   * one measure must not count as a check of all: the next full one would miss the others' documents).
   */
  measureId?: string
}

export interface WatchRunner {
  /** Something changed (data, settings, a request, waking from sleep): run what is due, or wait for it. */
  changed(): void
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>
  stop(): void
}

class Cancelled extends Error {}

export function createWatchRunner(options: WatchRunnerOptions): WatchRunner {
  const fetchFn: FetchFunction = options.fetch ?? ((url, init) => fetch(url, init))
  const api = options.federalRegisterApi ?? FEDERAL_REGISTER_API
  const limits = { ...DEFAULT_WATCH_LIMITS, ...options.limits }
  const setTimer = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms).unref())
  const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const log = options.log ?? (() => undefined)
  let timer: TimerHandle | null = null
  let running: { startedMs: number; abort: AbortController; done: Promise<void> } | null = null
  let stopped = false
  // After a cancelled run, or one that could not record (a read-only database…), nothing runs by
  // itself for an hour; a check the user asks for still runs.
  let blockedUntilMs = 0
  const now = options.nowMs ?? Date.now
  const blockAfter = (error: unknown) => {
    blockedUntilMs = now() + HOUR_MS
    log(`Watching official sources: ${(error as Error).message}`)
  }

  async function call<T>(method: 'watch.plan' | 'watch.record' | 'datasetFeed.plan', input: unknown): Promise<T> {
    const answer = await options.service.call(method, input)
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`)
    return answer.value as T
  }

  async function record(target: string, error: string | null, found: FoundDocument[]): Promise<void> {
    const onlyOne = options.measureId !== undefined
    const { recorded } = await call<{ recorded: number }>('watch.record', {
      phase: 'target',
      target,
      error,
      found,
      ...(onlyOne ? { measureOnly: true } : {}),
    })
    if (recorded > 0 || error !== null) options.onRecorded?.()
    options.onChecked?.(target, error)
  }

  async function checkFederalRegister(plan: WatchPlan, signal: AbortSignal): Promise<void> {
    const found: FoundDocument[] = []
    const answers = new Map<string, ReturnType<typeof parseFederalRegisterPage>['documents']>()
    let requests = 0
    try {
      for (const { measureId, terms } of plan.measures) {
        for (const query of federalRegisterQueries(terms)) {
          const first = federalRegisterUrl(api, query, plan.federalRegister.since)
          let documents = answers.get(first)
          if (!documents) {
            documents = []
            for (let page = 1; page <= FEDERAL_REGISTER_MAX_PAGES; page++) {
              if (++requests > MAX_FEDERAL_REGISTER_REQUESTS)
                throw new Error(`More than ${MAX_FEDERAL_REGISTER_REQUESTS} requests would be needed: watch fewer terms.`)
              const text = await fetchLimited(
                fetchFn,
                federalRegisterUrl(api, query, plan.federalRegister.since, page),
                limits.federalRegister,
                signal,
              )
              const answer = parseFederalRegisterPage(text)
              documents.push(...answer.documents)
              if (page >= answer.totalPages) break
            }
            answers.set(first, documents)
          }
          for (const document of documents)
            found.push({
              measureId,
              origin: 'federal-register',
              publisher: FEDERAL_REGISTER_PUBLISHER,
              documentKey: document.documentNumber,
              title: document.title,
              documentType: document.type,
              published: document.published,
              effective: document.effective,
              url: document.url,
              matched: query.label,
            })
        }
      }
    } catch (error) {
      if (error instanceof WatchFetchError && error.kind === 'cancelled') throw new Cancelled()
      // What was found before the failure is kept (each document is recorded once); the check
      // counts as failed, so the next one asks again from the last success's date.
      await record(FEDERAL_REGISTER_TARGET, (error as Error).message, found)
      return
    }
    await record(FEDERAL_REGISTER_TARGET, null, found)
  }

  async function checkFeed(plan: WatchPlan, feed: WatchPlan['feeds'][number], signal: AbortSignal): Promise<void> {
    const found: FoundDocument[] = []
    try {
      const text = await fetchLimited(
        fetchFn,
        feed.url,
        limits.feed,
        signal,
        'application/rss+xml, application/atom+xml, application/xml, text/xml, application/feed+json;q=0.9, */*;q=0.5',
      )
      const parsed = parseFeedText(text)
      for (const item of parsed.items) {
        if (feed.keywords.length > 0 && matchingKeyword(item, feed.keywords) === null) continue
        for (const { measureId, terms } of plan.measures) {
          const matched = matchingKeyword(item, feedKeywordsOf(terms))
          if (matched === null) continue
          found.push({
            measureId,
            origin: 'feed',
            publisher: feed.title || parsed.title,
            documentKey: item.key,
            title: item.title,
            documentType: '',
            published: item.published,
            effective: null,
            url: item.url,
            matched,
          })
        }
      }
    } catch (error) {
      if (error instanceof WatchFetchError && error.kind === 'cancelled') throw new Cancelled()
      await record(feedTarget(feed.id), (error as Error).message, [])
      return
    }
    await record(feedTarget(feed.id), null, found)
  }

  // The signed dataset feed (issue 16) is one more target of the same runner: same timer, one request
  // at a time, the same cancel. Its plan is read apart (a service without it means nothing to do).
  async function datasetFeedPlan(): Promise<DatasetFeedPlan | null> {
    const answer = await options.service.call('datasetFeed.plan', {})
    return answer.ok && (answer.value as DatasetFeedPlan | undefined)?.url ? (answer.value as DatasetFeedPlan) : null
  }

  async function run(plan: WatchPlan, feedPlan: DatasetFeedPlan | null, abort: AbortController): Promise<void> {
    await call('watch.record', { phase: 'begin' })
    options.onRecorded?.()
    try {
      if (plan.federalRegister.due) await checkFederalRegister(plan, abort.signal)
      for (const feed of plan.feeds) {
        if (abort.signal.aborted) throw new Cancelled()
        if (feed.due) await checkFeed(plan, feed, abort.signal)
      }
      if (feedPlan?.due) {
        if (abort.signal.aborted) throw new Cancelled()
        await runDatasetFeedCheck(feedPlan.url, {
          service: options.service,
          fetch: fetchFn,
          limits: options.datasetFeedLimits,
          signal: abort.signal,
        })
        options.onRecorded?.()
      }
    } catch (error) {
      if (error instanceof Cancelled || error instanceof DatasetFeedCancelled) blockedUntilMs = now() + HOUR_MS
      else blockAfter(error)
    } finally {
      await call('watch.record', { phase: 'end' }).catch(blockAfter)
      options.onRecorded?.()
    }
  }

  function schedule(plan: WatchPlan): void {
    if (timer !== null) clearTimer(timer)
    timer = null
    if (plan.nextDueMs === null || stopped) return
    const wait = Math.min(Math.max(plan.nextDueMs - plan.nowMs, SECOND_MS), DAY_MS)
    timer = setTimer(() => {
      timer = null
      changed()
    }, wait)
  }

  // The plan is asked for one change at a time: a change that arrives while it is being read is
  // looked at again afterwards (never two runs from two overlapping reads).
  const planning = oneAtATime(decide, (error) => log(`Watching official sources: ${(error as Error).message}`))

  function changed(): void {
    if (!stopped) planning.run()
  }

  async function decide(): Promise<void> {
    let plan: WatchPlan
    try {
      plan = await call<WatchPlan>('watch.plan', {})
    } catch (error) {
      log(`Watching official sources: ${(error as Error).message}`)
      return
    }
    // A service that does not answer with a plan (an older store, a test double) means nothing to do.
    if (!plan?.federalRegister) return
    if (options.measureId !== undefined) plan = { ...plan, measures: plan.measures.filter((m) => m.measureId === options.measureId) }
    if (running) {
      if (plan.cancelRequestedMs !== null && plan.cancelRequestedMs >= running.startedMs) running.abort.abort()
      return
    }
    // A check of one measure (CLI) is about watch terms only: the dataset feed waits for its own turn.
    const feedPlan = options.measureId === undefined ? await datasetFeedPlan() : null
    if (stopped) return
    if (feedPlan?.nextDueMs != null) plan = { ...plan, nextDueMs: Math.min(plan.nextDueMs ?? Infinity, feedPlan.nextDueMs) }
    if (feedPlan?.requestedMs != null && plan.requestedMs === null) plan = { ...plan, requestedMs: feedPlan.requestedMs }
    const due = plan.federalRegister.due || plan.feeds.some((feed) => feed.due) || feedPlan?.due === true
    if (due && plan.requestedMs === null && plan.nowMs < blockedUntilMs) {
      schedule({ ...plan, nextDueMs: blockedUntilMs })
      return
    }
    if (!due) {
      // A request with nothing enabled is answered at once: nothing to contact.
      if (plan.requestedMs !== null) {
        try {
          await call('watch.record', { phase: 'begin' })
          await call('watch.record', { phase: 'end' })
        } catch (error) {
          blockAfter(error)
        }
        options.onRecorded?.()
      }
      schedule(plan)
      return
    }
    const abort = new AbortController()
    const started = { startedMs: plan.nowMs, abort, done: Promise.resolve() }
    running = started
    started.done = run(plan, feedPlan, abort)
      .catch(blockAfter)
      .finally(() => {
        running = null
        // A check of one measure runs once: its targets stay due (their schedule was not moved).
        if (options.measureId === undefined) changed()
      })
  }

  return {
    changed,
    async idle() {
      await planning.idle()
      while (running) {
        await running.done
        await planning.idle()
      }
    },
    stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      running?.abort.abort()
    },
  }
}
