// Recording what happened at a lapsed deadline (issue 11): one input, one atomic mutation
// (`events.recordOutcome`) that writes the event, the source it rests on and — for a replacement
// — the link to the measure that replaced it. Core turns an outcome into an ordinary event
// (checked by the same rules as `events.record`), so the status engine needs nothing new:
// - extended   → `extended` (new end as a date or a duration from `at`)
// - reinstated → `resumed`
// - terminated → `terminated`
// - replaced   → `terminated`, plus a link (both ways) to the replacement
// - confirmed  → `review` (somebody checked: nothing changed)
import { z } from 'zod'
import {
  CONFIDENCES,
  LIMITS,
  httpUrlSchema,
  idSchema,
  plainDateSchema,
  zonedInstantSchema,
  type MeasureEvent,
  type MeasureLink,
  type Source,
} from './domain.ts'

export const OUTCOME_KINDS = ['extended', 'reinstated', 'terminated', 'replaced', 'confirmed'] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export const OUTCOME_EVENT_KIND = {
  extended: 'extended',
  reinstated: 'resumed',
  terminated: 'terminated',
  replaced: 'terminated',
  confirmed: 'review',
} as const satisfies Record<OutcomeKind, MeasureEvent['kind']>

/** A new source for the outcome: its address, the citation (title; the address's host when left empty), confidence. */
export const outcomeSourceSchema = z
  .object({
    url: httpUrlSchema,
    title: z.string().trim().max(LIMITS.shortText).default(''),
    publisher: z.string().trim().max(LIMITS.shortText).default(''),
    date: plainDateSchema.nullable().default(null),
    confidence: z.enum(CONFIDENCES),
  })
  .strict()

export const outcomeInputSchema = z
  .object({
    measureId: idSchema,
    outcome: z.enum(OUTCOME_KINDS),
    /** When it took effect: by default the lapsed deadline, in its legal zone. */
    at: zonedInstantSchema,
    /** extended only: the new end, or a duration (ISO 8601, e.g. P1Y) counted from `at`. */
    until: zonedInstantSchema.optional(),
    duration: z.string().max(40).optional(),
    /** replaced only: the measure that replaced this one, and how the two are linked. */
    replacementId: idSchema.optional(),
    relation: z.enum(['counter', 'related']).default('related'),
    /** Sources the measure already has that say so. */
    sourceIds: z.array(idSchema).max(LIMITS.sources).default([]),
    /** A new source, stored with the measure and cited by the event. */
    source: outcomeSourceSchema.optional(),
    note: z.string().max(LIMITS.longText).default(''),
  })
  .strict()
  .superRefine((input, ctx) => {
    const extended = input.outcome === 'extended'
    if (extended && input.until === undefined && input.duration === undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'an extension needs its new end or a duration' })
    }
    if (input.until !== undefined && input.duration !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'give either an end or a duration, not both' })
    }
    if (!extended && (input.until !== undefined || input.duration !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'only an extension has a new end' })
    }
    if (input.outcome === 'replaced' && input.replacementId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['replacementId'], message: 'choose the measure that replaced it' })
    }
    if (input.outcome !== 'replaced' && input.replacementId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['replacementId'], message: 'only a replacement names another measure' })
    }
    if (input.replacementId !== undefined && input.replacementId === input.measureId) {
      ctx.addIssue({ code: 'custom', path: ['replacementId'], message: 'a measure cannot replace itself' })
    }
  })
export type OutcomeInput = z.input<typeof outcomeInputSchema>

export interface OutcomeResult {
  event: MeasureEvent
  /** The new source, as stored (null when none was given). */
  source: Source | null
  /** The link to the replacement (null unless replaced). */
  link: MeasureLink | null
}
