// The versioned, full-fidelity JSON format used by export, import and the embedded dataset.
// Validation names the place of every problem (measures[3].events[0].until) so a person can fix
// the file; nothing is written unless the whole file is valid.
import { z } from 'zod'
import { LIMITS, measureSchema, type Measure } from './domain.ts'
import { epochMs, isValidZonedInstant } from './time.ts'
import { watchTermsSchema } from './watch.ts'

export const EXCHANGE_FORMAT = 'measure-tracker'
export const EXCHANGE_VERSION = 3
/**
 * Versions this program reads; older ones are upgraded on import, every field they lack taking its
 * default, which is exactly what such a file meant:
 * - 1: before rate numbers, partial suspensions, rate steps and commitments (no number, no part,
 *   no commitment, no progress);
 * - 2: before the Chinese of the other text fields (`translations` of measures, events and sources:
 *   none). Its titles' missing scripts are derived when stored, like any write's.
 * Version 3 adds `translations` and the `converted` mark of machine-converted Chinese. A file of
 * version 3 is refused by a program that reads only 1 and 2, rather than read with its Chinese
 * silently dropped (zod strips keys a schema does not know).
 */
export const EXCHANGE_READABLE_VERSIONS = [1, 2, 3] as const
// No limit on a file's size: the command line reads a file one measure at a time
// (core/exchange/exchange-reader.ts); the bounds are on hostile shapes (exchange-scan.ts).

const exchangedMeasureSchema = measureSchema.extend({
  deletedAt: z.string().max(40).nullable().default(null),
  /** What the measure watches for in official sources (issue 16); optional, so older files read as before. */
  watch: watchTermsSchema.optional(),
  /**
   * A dataset's revision of this measure (issue 16): its editors raise it whenever they change the
   * measure, so a review can say "revision 2 → 3". Dataset metadata, not a fact: never stored with
   * the measure, never compared as the user's edit; exports carry none.
   */
  revision: z.number().int().min(1).max(1_000_000_000).optional(),
})
export type ExchangedMeasure = z.infer<typeof exchangedMeasureSchema>

export const exchangeFileSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z
      .union(
        EXCHANGE_READABLE_VERSIONS.map((v) => z.literal(v)),
        {
          message: `unsupported version: this program reads versions ${EXCHANGE_READABLE_VERSIONS.slice(0, -1).join(', ')} and ${EXCHANGE_READABLE_VERSIONS.at(-1)}`,
        },
      )
      // Upgrade on read: the defaults above already filled what an older version lacks.
      .transform((): typeof EXCHANGE_VERSION => EXCHANGE_VERSION),
    exportedAt: z.string().max(40).optional(),
    name: z.string().max(300).optional(),
    /** A dataset's identity and version (issue 16); exports and older files have none. */
    dataset: z
      .object({ id: z.string().min(1).max(200), version: z.number().int().min(1) })
      .strict()
      .optional(),
    measures: z.array(exchangedMeasureSchema).max(LIMITS.measures),
  })
  .superRefine((file, ctx) => checkExchangeMeasures(file.measures, ctx))
export type ExchangeFile = z.input<typeof exchangeFileSchema>
export type ParsedExchangeFile = z.output<typeof exchangeFileSchema>

/** Where cross-checks put their problems: zod's refinement context, or a sink that keeps only the first ones. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void
}

/**
 * Checks between parts of valid measures: duplicate ids, links out of the file, citations of
 * unknown sources, ends before starts. Separate from the schema so the bounded import validator
 * (exchange-validate.ts) can run it on measures it has validated one by one.
 */
export function checkExchangeMeasures(measures: readonly Measure[], ctx: IssueSink): void {
  const ids = new Map<string, number>()
  measures.forEach((measure, index) => {
    const first = ids.get(measure.id)
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['measures', index, 'id'], message: `duplicate id "${measure.id}" (also measures[${first}])` })
    } else ids.set(measure.id, index)
  })
  measures.forEach((measure, index) => checkMeasure(measure, index, ids, ctx))
}

/** What a link to an id the file does not hold is told. */
export const linkOutOfFile = (targetId: string) => `links to "${targetId}", which is not in the file`

/**
 * The checks within one measure, and of its links against `ids` (the file's ids); a file read
 * measure by measure (exchange-validate.ts, ExchangeStreamCheck) passes null and checks links once
 * every id is known.
 */
export function checkMeasure(measure: Measure, index: number, ids: ReadonlyMap<string, number> | null, ctx: IssueSink): void {
  const at = (...path: (string | number)[]) => ['measures', index, ...path]
  const sourceIds = new Set<string>()
  measure.sources.forEach((source, s) => {
    if (sourceIds.has(source.id))
      ctx.addIssue({ code: 'custom', path: at('sources', s, 'id'), message: `duplicate source id "${source.id}"` })
    sourceIds.add(source.id)
  })
  const eventIds = new Set<string>()
  measure.events.forEach((event, e) => {
    if (eventIds.has(event.id)) ctx.addIssue({ code: 'custom', path: at('events', e, 'id'), message: `duplicate event id "${event.id}"` })
    eventIds.add(event.id)
    // Refinements can run even when a date inside failed its own check: compare only valid dates.
    if (
      event.until !== null &&
      isValidZonedInstant(event.until) &&
      isValidZonedInstant(event.at) &&
      epochMs(event.until) <= epochMs(event.at)
    ) {
      ctx.addIssue({ code: 'custom', path: at('events', e, 'until'), message: `ends (${event.until}) before it starts (${event.at})` })
    }
    const cited = [...event.sourceIds, ...event.alternatives.flatMap((alt) => alt.sourceIds)]
    for (const id of cited) {
      if (!sourceIds.has(id)) ctx.addIssue({ code: 'custom', path: at('events', e, 'sourceIds'), message: `cites unknown source "${id}"` })
    }
  })
  measure.links.forEach((link, l) => {
    if (link.targetId === measure.id)
      ctx.addIssue({ code: 'custom', path: at('links', l, 'targetId'), message: 'a measure cannot link to itself' })
    else if (ids !== null && !ids.has(link.targetId)) {
      ctx.addIssue({ code: 'custom', path: at('links', l, 'targetId'), message: linkOutOfFile(link.targetId) })
    }
  })
  const noteIds = new Set<string>()
  measure.notes.forEach((note, n) => {
    if (noteIds.has(note.id)) ctx.addIssue({ code: 'custom', path: at('notes', n, 'id'), message: `duplicate note id "${note.id}"` })
    noteIds.add(note.id)
  })
  if (measure.progress.length > 0 && measure.commitment === null) {
    ctx.addIssue({ code: 'custom', path: at('progress'), message: 'progress is recorded only for a measure with a commitment' })
  }
  const progressIds = new Set<string>()
  measure.progress.forEach((entry, p) => {
    if (progressIds.has(entry.id))
      ctx.addIssue({ code: 'custom', path: at('progress', p, 'id'), message: `duplicate progress id "${entry.id}"` })
    progressIds.add(entry.id)
    for (const id of entry.sourceIds) {
      if (!sourceIds.has(id))
        ctx.addIssue({ code: 'custom', path: at('progress', p, 'sourceIds'), message: `cites unknown source "${id}"` })
    }
  })
}

export interface ImportReport {
  dryRun: boolean
  created: string[]
  replaced: string[]
}
