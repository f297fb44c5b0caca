// The signed dataset update feed (issue 16): the user's settings, what Settings shows of the last
// check, and the runner's inputs. Shared by core (storage, the check), every host and the renderer;
// no Node, no DOM. The signature check itself needs node:crypto and lives in core
// (core/dataset-update/signed-dataset.ts, feed.ts).
import { z } from 'zod'
import type { DatasetIdentity } from './dataset-update.ts'

export const DATASET_FEED_SCHEDULES = ['off', 'daily', 'weekly'] as const
export type DatasetFeedSchedule = (typeof DATASET_FEED_SCHEDULES)[number]

/** A feed address longer than this is not one a person typed or pasted. */
export const DATASET_FEED_URL_MAX = 2_000

/**
 * Why an address cannot be the feed, or null when it can: only https (a dataset must come over a
 * channel an attacker on the network cannot rewrite, on top of the signature), with a host, and
 * without a user name or password in it (it would be stored and shown in plain text).
 */
export function datasetFeedUrlProblem(text: string): 'empty' | 'not-a-url' | 'not-https' | 'credentials' | 'too-long' | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'empty'
  if (trimmed.length > DATASET_FEED_URL_MAX) return 'too-long'
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return 'not-a-url'
  }
  if (url.protocol !== 'https:') return 'not-https'
  if (url.hostname === '') return 'not-a-url'
  if (url.username !== '' || url.password !== '') return 'credentials'
  return null
}

/** The address the signature is fetched from: the feed's address with ".sig" appended. */
export const signatureUrlOf = (feedUrl: string): string => `${feedUrl.trim()}.sig`

/**
 * What a check ended with. `newer`: a verified newer version is waiting for the review; `current`:
 * the feed holds the installed version (nothing to do). The rest are refusals (nothing changed):
 * network (`offline` … `address`), the key, the signature, the file, its identity or version.
 */
export const DATASET_FEED_RESULTS = [
  'newer',
  'current',
  'offline',
  'timeout',
  'too-large',
  'http',
  'address',
  'bad-key',
  'bad-signature',
  'malformed',
  'other-dataset',
  'downgrade',
] as const
export type DatasetFeedResultKind = (typeof DATASET_FEED_RESULTS)[number]

export interface DatasetFeedResult {
  kind: DatasetFeedResultKind
  ok: boolean
  /** English, for logs, the CLI and the detail under the translated headline (a host's own words). */
  message: string
  /** The dataset the feed offered, when it could be read. */
  dataset: DatasetIdentity | null
  at: string
}

export interface DatasetFeedStatus {
  /** The feed's address; '' when none is set (the default: nothing is contacted). */
  url: string
  /** The address its signature is fetched from (url + ".sig"); '' when none is set. */
  signatureUrl: string
  /** The trusted Ed25519 public key as base64 of its 32 bytes; '' when none is set. */
  publicKey: string
  /** SHA-256 of the key's 32 bytes, hex in groups of four: what a person compares with the publisher's. */
  fingerprint: string
  schedule: DatasetFeedSchedule
  installed: DatasetIdentity | null
  lastCheckedAt: string | null
  lastSuccessAt: string | null
  failures: number
  lastResult: DatasetFeedResult | null
  /** When the next automatic check is due (null: the schedule is off or nothing is set). */
  nextCheckAt: string | null
  /** A verified newer dataset waiting for the review (not applied); null when there is none. */
  waiting: { dataset: DatasetIdentity; fetchedAt: string; url: string; sha256: string } | null
  checkRequestedAt: string | null
  runningSince: string | null
}

// Service inputs (src/shared/api.ts).
export const datasetFeedConfigureSchema = z
  .object({
    url: z.string().max(DATASET_FEED_URL_MAX + 100),
    /** base64 of the raw 32 bytes, or a PEM public key; '' to forget the key. */
    publicKey: z.string().max(2_000),
    schedule: z.enum(DATASET_FEED_SCHEDULES),
  })
  .strict()
export type DatasetFeedSettings = z.infer<typeof datasetFeedConfigureSchema>

/** What the check runner hands the service: the exact bytes and signature text fetched, or why it could not. */
export const datasetFeedRecordSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('begin') }).strict(),
  z
    .object({
      phase: z.literal('fetched'),
      /** The address the bytes came from: a result for an address the user has since changed is dropped. */
      url: z.string().max(DATASET_FEED_URL_MAX + 100),
      bytes: z.instanceof(Uint8Array),
      signature: z.string().max(4_000),
    })
    .strict(),
  z
    .object({
      phase: z.literal('failed'),
      url: z.string().max(DATASET_FEED_URL_MAX + 100),
      kind: z.enum(['offline', 'timeout', 'too-large', 'http', 'address']),
      message: z.string().max(2_000),
    })
    .strict(),
  /** Cancelled: nothing is recorded (not a failure), only the run ends. */
  z.object({ phase: z.literal('end') }).strict(),
])

/** What the runner reads before a run. */
export interface DatasetFeedPlan {
  nowMs: number
  /** '' when nothing is set: nothing to contact. */
  url: string
  due: boolean
  requestedMs: number | null
  /** Earliest instant the next automatic check is due (null: schedule off or nothing set). */
  nextDueMs: number | null
}
