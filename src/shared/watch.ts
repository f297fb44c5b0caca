// Watching official sources (issue 16): what a measure watches for, the feeds the user added, and
// what the app shows of the checks. Shared by core (storage, the check runner), every host and the
// renderer; no Node, no DOM. Network use is opt-in and happens in core only (core/watch/).
import { z } from 'zod'
import { LIMITS, httpUrlSchema, idSchema, type LocalizedText } from './domain.ts'

/** At most this many entries per kind of term, and per feed's keyword list. */
export const WATCH_TERMS_PER_KIND = 20
const phrase = z.string().trim().min(2).max(200)

/** Federal Register agency slugs as the API names them (`industry-and-security-bureau`). */
const agencySlug = z
  .string()
  .trim()
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be an agency slug such as industry-and-security-bureau' })
/** Docket numbers as agencies write them: USTR-2025-0022, BIS-2025-0001. */
const docket = z
  .string()
  .trim()
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/ ]*$/, { message: 'must be a docket number such as USTR-2025-0022' })
/** Executive-order numbers, digits only (14257). */
const executiveOrder = z
  .string()
  .trim()
  .regex(/^\d{4,6}$/, { message: 'must be an executive-order number such as 14257' })
/** CFR parts written "15 CFR 744" (title, part). */
export const CFR_PART_PATTERN = /^(\d{1,2}) CFR (\d{1,5}[A-Za-z]?)$/
const cfrPart = z.string().trim().regex(CFR_PART_PATTERN, { message: 'must be written like 15 CFR 744' })
/** Regulation identifier numbers: 0694-AJ94. */
const rin = z
  .string()
  .trim()
  .regex(/^\d{4}-[A-Z]{2}\d{2}$/, { message: 'must be a RIN such as 0694-AJ94' })

const list = <T extends z.ZodType>(item: T) => z.array(item).max(WATCH_TERMS_PER_KIND).default([])

export const watchTermsSchema = z
  .object({
    agencies: list(agencySlug),
    dockets: list(docket),
    executiveOrders: list(executiveOrder),
    cfrParts: list(cfrPart),
    rins: list(rin),
    phrases: list(phrase),
  })
  .strict()
export type WatchTerms = z.output<typeof watchTermsSchema>
export type WatchTermsInput = z.input<typeof watchTermsSchema>
export const WATCH_TERM_KINDS = ['agencies', 'dockets', 'executiveOrders', 'cfrParts', 'rins', 'phrases'] as const
export type WatchTermKind = (typeof WATCH_TERM_KINDS)[number]

export function emptyWatchTerms(): WatchTerms {
  return { agencies: [], dockets: [], executiveOrders: [], cfrParts: [], rins: [], phrases: [] }
}

export function hasWatchTerms(terms: WatchTerms | undefined | null): boolean {
  return !!terms && WATCH_TERM_KINDS.some((kind) => terms[kind].length > 0)
}

/** A feed the user added: its address, a name, and the keyword rule an item must meet (any of). */
export const feedInputSchema = z
  .object({
    url: httpUrlSchema,
    title: z.string().trim().max(LIMITS.shortText).default(''),
    /** An item is kept only when its title or summary mentions one of these (empty: measures' own terms decide). */
    keywords: list(phrase),
  })
  .strict()
export type FeedInput = z.input<typeof feedInputSchema>

export const WATCH_ORIGINS = ['federal-register', 'feed'] as const
export type WatchOrigin = (typeof WATCH_ORIGINS)[number]

/** A new document that may affect a measure, until it is dismissed or cited by an event. */
export interface WatchHit {
  id: string
  measureId: string
  origin: WatchOrigin
  /** The feed's name for a feed item; "Federal Register" otherwise (never translated: a publisher's name). */
  publisher: string
  title: string
  /** The Federal Register's document type ("Rule", "Notice"…); empty for feed items. */
  documentType: string
  /** YYYY-MM-DD, or null when the document gave none. */
  published: string | null
  effective: string | null
  url: string
  /** Which of the measure's terms matched, in the words of the terms ("docket USTR-2025-0022"). */
  matched: string
  foundAt: string
  /** The measure's title, when items of every measure are listed (Needs review). */
  measureTitle?: LocalizedText
}

/** One thing the app contacts, as Settings → Network lists it. */
export interface WatchTarget {
  /** 'federal-register' or 'feed:<id>'. */
  key: string
  kind: WatchOrigin
  /** What is contacted: the address, without a query. */
  address: string
  title: string
  enabled: boolean
  /** Feed keyword rule (feeds only). */
  keywords: string[]
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  /** Consecutive failures since the last success (drives the back-off). */
  failures: number
  lastError: string | null
  /** When the next automatic check is due (null: off). */
  nextCheckAt: string | null
}

export interface WatchStatus {
  /** Federal Register watching on; feeds each have their own switch. */
  federalRegister: boolean
  /** Measures that have watch terms (what a Federal Register check asks about). */
  watchedMeasures: number
  targets: WatchTarget[]
  /** A check asked for from Settings that has not finished yet. */
  checkRequestedAt: string | null
  /** A check is running now (a host is contacting a target). */
  runningSince: string | null
}

// Service inputs (src/shared/api.ts).
export const watchConfigureSchema = z.object({ federalRegister: z.boolean() }).strict()
export const watchFeedSwitchSchema = z.object({ id: idSchema, enabled: z.boolean() }).strict()
export const watchSetTermsSchema = z.object({ measureId: idSchema, terms: watchTermsSchema }).strict()
export const watchHitRefSchema = z.object({ measureId: idSchema, hitId: idSchema }).strict()

/** A document a check found for a measure, as the runner hands it to the service (`watch.record`). */
export const foundDocumentSchema = z
  .object({
    measureId: idSchema,
    origin: z.enum(WATCH_ORIGINS),
    publisher: z.string().max(LIMITS.shortText),
    documentKey: z.string().min(1).max(500),
    title: z.string().min(1).max(500),
    documentType: z.string().max(60),
    published: z.string().max(10).nullable(),
    effective: z.string().max(10).nullable(),
    url: httpUrlSchema,
    matched: z.string().max(500),
  })
  .strict()
export type FoundDocument = z.infer<typeof foundDocumentSchema>

export const watchRecordSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('begin') }).strict(),
  z
    .object({
      phase: z.literal('target'),
      target: z.string().min(1).max(200),
      error: z.string().max(2_000).nullable(),
      found: z.array(foundDocumentSchema).max(10_000).default([]),
      /** A check of one measure's terms (CLI `watch check --measure`): the items are kept, the target's schedule is not moved. */
      measureOnly: z.boolean().optional(),
    })
    .strict(),
  z.object({ phase: z.literal('end') }).strict(),
])

/** What the check runner reads before a run: what is on, what is due, and every measure's terms. */
export interface WatchPlan {
  nowMs: number
  federalRegister: { enabled: boolean; due: boolean; since: string }
  feeds: { id: string; url: string; title: string; keywords: string[]; due: boolean }[]
  measures: { measureId: string; terms: WatchTerms }[]
  /** Instant a user asked for a check (null: none pending). */
  requestedMs: number | null
  /** Instant a user asked to cancel (null: none). */
  cancelRequestedMs: number | null
  /** Earliest instant anything enabled falls due (null: nothing is on). */
  nextDueMs: number | null
}
