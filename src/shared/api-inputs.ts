// The input schemas of the API contract (src/shared/api.ts) that are more than one line, and the
// types a caller builds from them. Forms in the renderer validate with these same schemas, so a
// value a form accepts is a value every host accepts.
import { z } from 'zod'
import {
  CATEGORIES,
  LIMITS,
  EVENT_KINDS,
  STATUSES,
  LOCALES,
  STEP_POLICIES,
  checkEventKindFields,
  dateAlternativeSchema,
  eventTranslationsSchema,
  rateValueSchema,
  suspendedPartSchema,
  idSchema,
  partySchema,
  sourceSchema,
  zonedInstantSchema,
} from './domain.ts'
import { isValidTimeZone } from './time.ts'

const durationSchema = z
  .string()
  .max(40)
  .regex(/^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$/, {
    message: 'must be an ISO 8601 duration such as P1Y, P90D or PT12H',
  })

export const listFilterSchema = z.object({
  /** Either side: imposer or target. */
  party: partySchema.optional(),
  imposer: partySchema.optional(),
  target: partySchema.optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(STATUSES).optional(),
  tag: z.string().max(60).optional(),
  needsReview: z.boolean().optional(),
  /** Case-insensitive search over titles (every language), short name, instrument, tags and notes. */
  text: z.string().max(200).optional(),
})
export type ListFilter = z.infer<typeof listFilterSchema>

export const LIST_SORTS = ['next', 'title', 'imposer', 'category'] as const

/**
 * The board's windowed query (measures.page, issue 14). Sorts as the board does: `next` by
 * deadline state (shared/deadline.ts compareDeadlines), `title` and `category` by the words shown
 * in `locale` (then deadline); `review` by the instant of the change waiting for a review, oldest
 * first (Needs review's order); `group: 'status'` puts the statuses in STATUSES order first. Ties
 * break by id, so the order is total and pages never overlap.
 */
export const PAGE_SORTS = ['next', 'title', 'category', 'review'] as const
export type PageSort = (typeof PAGE_SORTS)[number]
export const PAGE_GROUPS = ['none', 'status'] as const
export type PageGroup = (typeof PAGE_GROUPS)[number]
/** The most rows one page carries: a window of the list, never the whole store. */
export const PAGE_LIMIT_MAX = 1_000

export const pageQuerySchema = z
  .object({
    at: zonedInstantSchema.optional(),
    filter: listFilterSchema.default({}),
    sort: z.enum(PAGE_SORTS).default('next'),
    group: z.enum(PAGE_GROUPS).default('none'),
    locale: z.enum(LOCALES).default('en'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(0).max(PAGE_LIMIT_MAX).default(100),
    /** As of a past instant, also list measures none of whose events had happened yet. */
    includeNotYetPublic: z.boolean().default(false),
    /** Also answer the counts (PageCounts): the board asks with its first window and on reload. */
    counts: z.boolean().default(false),
    /** Only these measures (rows and total; the counts stay the filter's): the rows a view names, e.g. Upcoming's. */
    ids: z.array(idSchema).max(PAGE_LIMIT_MAX).optional(),
  })
  .strict()
export type PageQuery = z.output<typeof pageQuerySchema>

/** What a person enters to record an event; core turns a duration into an explicit `until`. */
export const eventInputSchema = z
  .object({
    kind: z.enum(EVENT_KINDS),
    at: zonedInstantSchema,
    until: zonedInstantSchema.nullable().optional(),
    duration: durationSchema.optional(),
    scheduled: z.boolean().default(false),
    rate: z.string().max(300).nullable().optional(),
    scope: z.string().max(20_000).nullable().optional(),
    sourceIds: z.array(idSchema).max(200).default([]),
    note: z.string().max(20_000).default(''),
    alternatives: z.array(dateAlternativeSchema).max(20).default([]),
    rateValue: rateValueSchema.nullable().optional(),
    part: suspendedPartSchema.nullable().optional(),
    whenSuspended: z.enum(STEP_POLICIES).nullable().optional(),
    /** The note and the scope in Chinese (a missing script is derived when stored). */
    translations: eventTranslationsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    checkEventKindFields(input, ctx)
    const hasEnd = input.until !== undefined && input.until !== null
    if (hasEnd && input.duration !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'give either an end or a duration, not both' })
    }
    if ((hasEnd || input.duration !== undefined) && input.kind !== 'suspended' && input.kind !== 'extended') {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'only a suspension or an extension has an end' })
    }
    if (input.kind === 'extended' && !hasEnd && input.duration === undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'an extension needs its new end or a duration' })
    }
    if (input.kind === 'amended' && input.rate == null && input.scope == null) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'an amendment changes the rate or the scope' })
    }
  })
export type EventInput = z.input<typeof eventInputSchema>

export const sourceInputSchema = sourceSchema.extend({ id: idSchema.optional() })

/** A figure towards a commitment, as a person records it (id and recordedAt are set by core). */
export const progressInputSchema = z
  .object({
    value: z.number().finite().min(0).max(1e15),
    asOf: zonedInstantSchema,
    sourceIds: z.array(idSchema).max(200).default([]),
    note: z.string().max(20_000).default(''),
  })
  .strict()
export type ProgressInput = z.input<typeof progressInputSchema>

/** A note's Markdown: up to 20,000 characters, not blank. Stored as typed (leading spaces matter in Markdown). */
export const noteBodySchema = z
  .string()
  .max(LIMITS.longText)
  .refine((body) => body.trim().length > 0, { message: 'a note cannot be empty' })
/** A tag as typed, trimmed: 1–60 characters, one line. Kept in its case; compared case-insensitively. */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, { message: 'a tag is one line of text' })

/** Status report (core/report): one model, rendered to every format. */
export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
export const reportOptionsSchema = z
  .object({
    /** The as-of instant; default now. */
    at: zonedInstantSchema.optional(),
    lang: z.enum(LOCALES).default('en'),
    /** Include the measures' pinned notes. */
    includeNotes: z.boolean().default(false),
    /** Deadlines listed: those in the next `days` days after the as-of instant. */
    days: z.number().int().min(1).max(3660).default(30),
    /** Which measures: the board's filters. */
    filter: listFilterSchema.default({}),
    paper: z.enum(['A4', 'Letter']).default('A4'),
    orientation: z.enum(['portrait', 'landscape']).default('landscape'),
    /** Zone for displayed times; default the as-of instant's zone, else UTC. */
    tz: z.string().max(64).refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }).optional(),
    /** Include the timeline and the stacked rate charts (SVG; HTML and PDF only). */
    charts: z.boolean().default(false),
  })
  .strict()
export type ReportOptions = z.output<typeof reportOptionsSchema>

/** One measure's one-page brief (core/report/brief-model.ts): portrait, printed as HTML, or as Markdown or JSON. */
export const BRIEF_FORMATS = ['html', 'md', 'json'] as const
export type BriefFormat = (typeof BRIEF_FORMATS)[number]
export const briefOptionsSchema = reportOptionsSchema.pick({ at: true, lang: true, paper: true, tz: true })
export type BriefOptions = z.output<typeof briefOptionsSchema>

/** Reminders (core/reminders): lead times in days before each scheduled transition. */
export const DEFAULT_LEAD_DAYS: readonly number[] = [90, 30, 7, 1]
export const leadDaysSchema = z
  .array(z.number().int().min(0).max(3650))
  .min(1)
  .max(10)
  .refine((days) => new Set(days).size === days.length, { message: 'each lead time once' })
/** `${measureId}|${transition kind}|${transition at}|${lead days}`: one reminder, shown at most once. */
export const reminderKeySchema = z
  .string()
  .max(300)
  .regex(/^[a-z0-9][a-z0-9._-]*\|[a-z_]+\|[^|]+\|[0-9]{1,4}$/, { message: 'must be a key from reminders.due' })

export const backupNameSchema = z
  .string()
  .max(255)
  .regex(/^[^/\\]+\.db$/, { message: 'must be the file name of a backup, e.g. measure-tracker-2026-12-04.db' })

/**
 * Where the subscribable calendar is kept: an absolute path (POSIX, a Windows drive or a UNC share)
 * to an .ics file. Only Electron main (after its save dialog) and the command line set it; the page
 * never sends a path (src/shared/exposed-methods.ts).
 */
export const calendarFilePathSchema = z
  .string()
  .max(4096)
  .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(path), { message: 'must be an absolute path' })
  .refine((path) => /\.ics$/i.test(path), { message: 'must name an .ics file' })
  // eslint-disable-next-line no-control-regex -- a path with control characters is refused
  .refine((path) => !/[\u0000-\u001f]/.test(path), { message: 'must not contain control characters' })

/** Settings → Calendar: the language, no more file, a new or no address key. */
export const calendarSubscriptionChangeSchema = z
  .object({
    locale: z.enum(LOCALES).optional(),
    /** Stop keeping the file (it stays where it is, no longer updated). */
    stopFile: z.literal(true).optional(),
    /** `renew`: a new key (the old address stops working); `off`: no address. */
    feed: z.enum(['renew', 'off']).optional(),
  })
  .strict()
