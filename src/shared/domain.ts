// Domain vocabulary shared by every side (core, hosts, renderer). Pure data: no Node, no DOM.
// The zod schemas here are the single definition of what a valid measure looks like; the
// API contract (api.ts) and the import/export format (exchange.ts) are built from them.
import { z } from 'zod'
import { isValidZonedInstant, isValidPlainDate } from './time.ts'
import { PARTY_CODES } from './parties.ts'

export const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const
export type Locale = (typeof LOCALES)[number]

export const CATEGORIES = [
  'tariff',
  'export_control',
  'port_fee',
  'sanction',
  'entity_listing',
  'investigation',
  'exclusion',
  /** An undertaking with a measurable target and a deadline (see `commitment` and `progress`). */
  'commitment',
  'other',
] as const
export type Category = (typeof CATEGORIES)[number]

/** Event kinds, in the order they apply when two share the same instant. */
export const EVENT_KINDS = [
  'announced',
  'effective',
  'amended',
  /** A scheduled change of the full rate (fees rising each year; 0% rising on a set date). */
  'rate_step',
  'suspended',
  'extended',
  'resumed',
  'terminated',
  'review',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/**
 * `partly_suspended` is its own status rather than a flag on `suspended`: a partly suspended
 * tariff is still collected (at a lower rate), the opposite of what "suspended" tells a reader,
 * and one status per measure keeps board groups and report counts adding up to the total.
 */
export const STATUSES = ['pending', 'in_force', 'partly_suspended', 'suspended', 'terminated'] as const
export type Status = (typeof STATUSES)[number]

/**
 * Kinds of scheduled transition that drive the countdown: an event's own kind, the end of a
 * suspension, or a commitment's deadline.
 */
export const TRANSITION_KINDS = [...EVENT_KINDS.filter((k) => k !== 'review'), 'suspension_end', 'commitment_deadline'] as const
export type TransitionKind = Exclude<EventKind, 'review'> | 'suspension_end' | 'commitment_deadline'

/** What a rate step falling inside a suspension does (as the instrument says). */
export const STEP_POLICIES = ['apply', 'defer', 'skip'] as const
export type StepPolicy = (typeof STEP_POLICIES)[number]

export const COMMITMENT_OUTCOMES = ['pending', 'met', 'missed', 'needs_review'] as const
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number]

/** `percent` (ad valorem) or `amount` (a currency amount per something: a fee per net ton). */
export const RATE_UNITS = ['percent', 'amount'] as const
export type RateUnit = (typeof RATE_UNITS)[number]

export const CONFIDENCES = ['official', 'secondary', 'unverified'] as const
export type Confidence = (typeof CONFIDENCES)[number]

// Limits that keep one bad file or hostile caller from filling the database.
export const LIMITS = {
  id: 80,
  shortText: 300,
  longText: 20_000,
  url: 2_000,
  tags: 50,
  events: 500,
  sources: 200,
  links: 200,
  progress: 1_000,
  measures: 100_000,
} as const

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(ID_PATTERN, { message: 'must be lower-case letters, digits, ".", "_" or "-"' })

export const zonedInstantSchema = z.string().max(100).refine(isValidZonedInstant, {
  message: 'must be an RFC 9557 instant with offset and time zone, e.g. 2026-11-10T00:01:00-05:00[America/New_York]',
})

export const plainDateSchema = z.string().max(20).refine(isValidPlainDate, { message: 'must be a date YYYY-MM-DD' })

export const partySchema = z.string().refine((code) => PARTY_CODES.has(code), { message: 'must be an ISO 3166 alpha-2 code (or EU)' })

const shortText = z.string().max(LIMITS.shortText)
const longText = z.string().max(LIMITS.longText)

/** The two Chinese scripts: where one is missing, the store derives it from the other (core/text/chinese-script.ts). */
export const CHINESE_SCRIPTS = ['zh-Hant', 'zh-Hans'] as const
export type ChineseScript = (typeof CHINESE_SCRIPTS)[number]

/**
 * Which Chinese script of a text the app derived from the other with OpenCC, so a reader can be
 * told it is machine-converted. Never a person's words: every write drops the value it names and
 * derives it again from the other script (so editing the source text refreshes it).
 */
const convertedScript = z.enum(CHINESE_SCRIPTS).optional()

export const localizedTextSchema = z.object({
  en: z.string().trim().min(1).max(LIMITS.shortText),
  'zh-Hant': shortText.optional(),
  'zh-Hans': shortText.optional(),
  converted: convertedScript,
})
export type LocalizedText = z.infer<typeof localizedTextSchema>

/** The Chinese of a text whose English is the field itself (a measure's `instrument`, an event's `note`). */
const chineseTextSchema = (text: z.ZodString) =>
  z.object({ 'zh-Hant': text.optional(), 'zh-Hans': text.optional(), converted: convertedScript })
const chineseShortText = chineseTextSchema(shortText)
const chineseLongText = chineseTextSchema(longText)
export type ChineseText = z.infer<typeof chineseShortText>

/**
 * A measure's own words in Chinese, field by field; the English stays in the field itself (what
 * every version of the format and the API has meant by `instrument`), and a field without Chinese
 * is left out (as is the whole object when nothing has Chinese: optional, like every `translations`). Read in the reader's language through `fieldText` (shared/translations.ts).
 */
export const measureTranslationsSchema = z.object({
  shortName: chineseShortText.optional(),
  authority: chineseShortText.optional(),
  instrument: chineseShortText.optional(),
  instrumentNumber: chineseShortText.optional(),
  scope: chineseLongText.optional(),
  summary: chineseLongText.optional(),
})
export type MeasureTranslations = z.infer<typeof measureTranslationsSchema>
export const eventTranslationsSchema = z.object({ note: chineseLongText.optional(), scope: chineseLongText.optional() })
export type EventTranslations = z.infer<typeof eventTranslationsSchema>
/** A source's title in Chinese: its original title where it was published in Chinese. */
export const sourceTranslationsSchema = z.object({ title: chineseShortText.optional() })
export type SourceTranslations = z.infer<typeof sourceTranslationsSchema>

export const httpUrlSchema = z
  .string()
  .max(LIMITS.url)
  .refine(
    (value) => {
      try {
        const url = new URL(value)
        return url.protocol === 'https:' || url.protocol === 'http:'
      } catch {
        return false
      }
    },
    { message: 'must be an http(s) URL' },
  )

export const sourceSchema = z.object({
  id: idSchema,
  url: httpUrlSchema,
  title: z.string().trim().min(1).max(LIMITS.shortText),
  publisher: shortText.default(''),
  date: plainDateSchema.nullable().default(null),
  confidence: z.enum(CONFIDENCES),
  translations: sourceTranslationsSchema.optional(),
})
export type Source = z.infer<typeof sourceSchema>

/**
 * A value another source gives for one of an event's dates. The event's own `at`/`until` are
 * the values that drive the status; alternatives are kept so the conflict stays visible and the
 * user can pick another one (service method `event.chooseAlternative`).
 */
export const dateAlternativeSchema = z.object({
  field: z.enum(['at', 'until']),
  value: zonedInstantSchema,
  sourceIds: z.array(idSchema).max(LIMITS.sources).default([]),
  note: shortText.default(''),
})
export type DateAlternative = z.infer<typeof dateAlternativeSchema>

/**
 * A rate as a number, beside the free-text `rate` (which old data has alone and which stays what
 * is shown when there is no number). Absolute, never an increment.
 */
export const rateValueSchema = z
  .object({
    value: z.number().finite().min(0).max(1e12),
    unit: z.enum(RATE_UNITS),
    /** ISO 4217 code; required for `amount`. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' })
      .optional(),
    /** What an amount is charged on ("net ton", "container"). */
    per: z.string().trim().min(1).max(60).optional(),
  })
  .superRefine((rate, ctx) => {
    if (rate.unit === 'amount' && rate.currency === undefined)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs its currency' })
  })
export type RateValue = z.infer<typeof rateValueSchema>

/**
 * The part of a measure a suspension covers: some of the rate (in the rate's own unit, e.g. 24
 * percentage points of 34%) and/or a part of its scope, in words. A suspension without a part
 * suspends the whole measure.
 */
export const suspendedPartSchema = z
  .object({
    rate: z.number().finite().positive().max(1e12).nullable().default(null),
    scope: z.string().trim().min(1).max(LIMITS.longText).nullable().default(null),
  })
  .refine((part) => part.rate !== null || part.scope !== null, { message: 'a part names the suspended rate, the suspended scope, or both' })
export type SuspendedPart = z.infer<typeof suspendedPartSchema>

/** An undertaking's measurable target and deadline (category `commitment`). */
export const commitmentSchema = z.object({
  target: z.number().finite().positive().max(1e15),
  unit: localizedTextSchema,
  deadline: zonedInstantSchema,
})
export type Commitment = z.infer<typeof commitmentSchema>

/** A recorded figure towards a commitment: the cumulative value as of an instant, with its sources. */
export const progressEntrySchema = z.object({
  id: idSchema,
  value: z.number().finite().min(0).max(1e15),
  asOf: zonedInstantSchema,
  sourceIds: z.array(idSchema).max(LIMITS.sources).default([]),
  note: longText.default(''),
  /** When it was recorded (service timestamp). */
  recordedAt: z.string().max(40),
})
export type ProgressEntry = z.infer<typeof progressEntrySchema>

const eventFields = {
  id: idSchema,
  kind: z.enum(EVENT_KINDS),
  at: zonedInstantSchema,
  /** For `suspended` and `extended`: when the suspension ends; null = indefinite. */
  until: zonedInstantSchema.nullable().default(null),
  /** True when the event was entered ahead of time (a sunset, a planned rise): once passed it needs review. */
  scheduled: z.boolean().default(false),
  /** For `amended` (and optionally `effective`): the rate/scope from this event on. */
  rate: shortText.nullable().default(null),
  scope: longText.nullable().default(null),
  sourceIds: z.array(idSchema).max(LIMITS.sources).default([]),
  note: longText.default(''),
  alternatives: z.array(dateAlternativeSchema).max(20).default([]),
  /** For `effective`, `amended`, `rate_step`: the full rate as a number (see rateValueSchema). */
  rateValue: rateValueSchema.nullable().default(null),
  /** For `suspended`/`extended`: the part suspended; null = the whole measure (extended: the running suspension's part). */
  part: suspendedPartSchema.nullable().default(null),
  /** For `rate_step`: what the step does if it falls inside a suspension; null = 'apply'. */
  whenSuspended: z.enum(STEP_POLICIES).nullable().default(null),
  /** The note and the scope in Chinese. */
  translations: eventTranslationsSchema.optional(),
}

/** Checks shared by stored events and event input: which fields belong to which kind. */
export function checkEventKindFields(
  event: { kind: EventKind; part?: unknown; whenSuspended?: unknown; rate?: unknown; rateValue?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (event.part != null && event.kind !== 'suspended' && event.kind !== 'extended') {
    ctx.addIssue({ code: 'custom', path: ['part'], message: 'only a suspension or an extension suspends a part' })
  }
  if (event.whenSuspended != null && event.kind !== 'rate_step') {
    ctx.addIssue({ code: 'custom', path: ['whenSuspended'], message: 'only a rate step has a policy for suspensions' })
  }
  if (event.kind === 'rate_step' && event.rate == null && event.rateValue == null) {
    ctx.addIssue({ code: 'custom', path: ['rate'], message: 'a rate step needs its new rate (text, number or both)' })
  }
}

export const measureEventSchema = z.object(eventFields).superRefine((event, ctx) => {
  if (event.until !== null && event.kind !== 'suspended' && event.kind !== 'extended') {
    ctx.addIssue({ code: 'custom', path: ['until'], message: `only suspended and extended events have an end` })
  }
  if (event.kind === 'extended' && event.until === null) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'an extension needs its new end' })
  }
  checkEventKindFields(event, ctx)
})
export type MeasureEvent = z.infer<typeof measureEventSchema>

export const measureLinkSchema = z.object({
  targetId: idSchema,
  /** Why the two are linked: a counter-measure, or a relief/related measure. */
  relation: z.enum(['counter', 'related']).default('counter'),
})
export type MeasureLink = z.infer<typeof measureLinkSchema>

export const NOTE_LIMIT = 2_000

export const noteSchema = z.object({
  id: idSchema,
  body: longText,
  pinned: z.boolean().default(false),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
})
export type Note = z.infer<typeof noteSchema>

/** The editable facts of a measure (everything but its life: events, sources, links, notes). */
export const measureFactsSchema = z.object({
  title: localizedTextSchema,
  shortName: shortText.default(''),
  imposer: partySchema,
  target: partySchema,
  category: z.enum(CATEGORIES),
  authority: shortText.default(''),
  instrument: shortText.default(''),
  instrumentNumber: shortText.default(''),
  scope: longText.default(''),
  rate: shortText.nullable().default(null),
  /** The base rate as a number (optional; see rateValueSchema). */
  rateValue: rateValueSchema.nullable().default(null),
  /** For category `commitment`: target and deadline. */
  commitment: commitmentSchema.nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(60)).max(LIMITS.tags).default([]),
  /** Free-text summary shown on the measure page (distinct from the user's dated notes). */
  summary: longText.default(''),
  /** Short name, authority, instrument (and its number), scope and summary in Chinese (the fields above are English). */
  translations: measureTranslationsSchema.optional(),
})
export type MeasureFacts = z.infer<typeof measureFactsSchema>

/**
 * A change to some facts: every field optional and WITHOUT the defaults, so a field left out
 * stays as it is (zod's .partial() would keep the defaults and blank every omitted field).
 */
export const measureFactsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(measureFactsSchema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
    ]),
  ),
) as unknown as z.ZodType<Partial<MeasureFacts>, Partial<z.input<typeof measureFactsSchema>>>

export const measureSchema = measureFactsSchema.extend({
  id: idSchema,
  events: z.array(measureEventSchema).max(LIMITS.events).default([]),
  sources: z.array(sourceSchema).max(LIMITS.sources).default([]),
  links: z.array(measureLinkSchema).max(LIMITS.links).default([]),
  notes: z.array(noteSchema).max(NOTE_LIMIT).default([]),
  /** Recorded figures towards the commitment, if it is one. */
  progress: z.array(progressEntrySchema).max(LIMITS.progress).default([]),
})
export type Measure = z.infer<typeof measureSchema>

/** A transition of a measure's life, at an exact instant (RFC 9557 string, legal zone kept). */
export interface Transition {
  kind: TransitionKind
  at: string
  /** The same instant in epoch milliseconds, so countdowns and sorting never re-parse `at`. */
  atMs: number
  eventId: string
}

/** What the status engine derives for one measure at one instant. Never stored. */
export interface MeasureStatus {
  status: Status
  /** When the current status began (RFC 9557), or null if the measure had not started yet. */
  since: string | null
  next: Transition | null
  needsReview: boolean
  /** The passed transition nobody has confirmed, when needsReview. */
  reviewReason: Transition | null
  /** The full rate and scope at the instant, after amendments and applied rate steps. */
  rate: string | null
  scope: string
  /** End of the suspension in effect at the instant (null = indefinite or not suspended). */
  suspendedUntil: string | null
  /** The full rate as a number (null when not known). */
  rateValue: RateValue | null
  /**
   * What applies at the instant: the full rate in force, full minus the suspended points while
   * partly suspended, 0 while pending, wholly suspended or terminated; null without a number.
   */
  rateInEffect: RateValue | null
  /** While partly suspended: the part suspended (else null). */
  suspendedPart: SuspendedPart | null
  /** For a measure with a commitment: its target, progress and outcome at the instant. */
  commitment: CommitmentState | null
}

export interface CommitmentState {
  target: number
  unit: LocalizedText
  deadline: string
  deadlineMs: number
  /** The latest recorded figure as of the instant (null: none yet). */
  progress: number | null
  progressAsOf: string | null
  outcome: CommitmentOutcome
}
