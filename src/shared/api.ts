// The API contract: one table of methods, name → kind → input schema, and one map of output
// types. Every host (Electron IPC, HTTP, CLI) validates input against this table before calling
// core; the renderer's client is typed from it. Add a method here first, then its handler.
import { z } from 'zod'
import {
  CATEGORIES,
  EVENT_KINDS,
  STATUSES,
  LOCALES,
  dateAlternativeSchema,
  idSchema,
  measureFactsSchema,
  partySchema,
  sourceSchema,
  zonedInstantSchema,
  type Measure,
  type MeasureEvent,
  type MeasureStatus,
  type Note,
  type Source,
  type LocalizedText,
  type Category,
  type MeasureLink,
} from './domain.ts'
import type { ExchangeFile, ImportReport } from './exchange.ts'

type MethodKind = 'query' | 'mutation'
interface MethodSpec<S extends z.ZodType> {
  kind: MethodKind
  input: S
}
const query = <S extends z.ZodType>(input: S): MethodSpec<S> => ({ kind: 'query', input })
const mutation = <S extends z.ZodType>(input: S): MethodSpec<S> => ({ kind: 'mutation', input })

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

const atInput = zonedInstantSchema.optional()

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
  })
  .superRefine((input, ctx) => {
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

const sourceInputSchema = sourceSchema.extend({ id: idSchema.optional() })

export const api = {
  'meta.info': query(z.object({}).strict()),
  'measures.list': query(
    z
      .object({
        at: atInput,
        filter: listFilterSchema.default({}),
        sort: z.enum(LIST_SORTS).default('next'),
        includeDeleted: z.boolean().default(false),
      })
      .strict(),
  ),
  'measures.get': query(z.object({ id: idSchema, at: atInput }).strict()),
  'measures.tags': query(z.object({}).strict()),
  'measures.create': mutation(z.object({ id: idSchema.optional(), facts: measureFactsSchema }).strict()),
  'measures.update': mutation(z.object({ id: idSchema, facts: measureFactsSchema.partial() }).strict()),
  'measures.delete': mutation(z.object({ id: idSchema }).strict()),
  'measures.restore': mutation(z.object({ id: idSchema }).strict()),
  'events.record': mutation(z.object({ measureId: idSchema, event: eventInputSchema }).strict()),
  'events.remove': mutation(z.object({ measureId: idSchema, eventId: idSchema }).strict()),
  'events.chooseAlternative': mutation(
    z.object({ measureId: idSchema, eventId: idSchema, index: z.number().int().min(0).max(19) }).strict(),
  ),
  'sources.add': mutation(z.object({ measureId: idSchema, source: sourceInputSchema }).strict()),
  'sources.update': mutation(z.object({ measureId: idSchema, source: sourceSchema }).strict()),
  'sources.remove': mutation(z.object({ measureId: idSchema, sourceId: idSchema }).strict()),
  'links.add': mutation(
    z.object({ measureId: idSchema, targetId: idSchema, relation: z.enum(['counter', 'related']).default('counter') }).strict(),
  ),
  'links.remove': mutation(z.object({ measureId: idSchema, targetId: idSchema }).strict()),
  'exchange.export': query(z.object({}).strict()),
  'exchange.import': mutation(
    z.object({ file: z.unknown(), dryRun: z.boolean().default(false), replace: z.boolean().default(false) }).strict(),
  ),
} as const

export type Api = typeof api
export type MethodName = keyof Api
export const METHOD_NAMES = Object.keys(api) as MethodName[]
export type Input<M extends MethodName> = z.input<Api[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

/** One row of the board: a measure's identity and its derived status at the asked instant. */
export interface MeasureSummary extends MeasureStatus {
  id: string
  title: LocalizedText
  shortName: string
  imposer: string
  target: string
  category: Category
  instrument: string
  tags: string[]
  links: MeasureLink[]
  /** True when sources give conflicting dates for one of its events. */
  hasDateConflict: boolean
  noteCount: number
  deletedAt: string | null
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: MethodName | 'seed'
  measureId: string | null
  before: unknown
  after: unknown
}

export interface MeasureDetail extends Measure {
  state: MeasureStatus
  /** All transitions of the measure's life in time order, past and future. */
  transitions: { kind: string; at: string; eventId: string }[]
  history: AuditEntry[]
  deletedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface MetaInfo {
  dbPath: string
  schemaVersion: number
  measureCount: number
  locales: readonly string[]
}

export interface ApiOutputs {
  'meta.info': MetaInfo
  'measures.list': MeasureSummary[]
  'measures.get': MeasureDetail
  'measures.tags': string[]
  'measures.create': MeasureDetail
  'measures.update': MeasureDetail
  'measures.delete': { id: string }
  'measures.restore': MeasureDetail
  'events.record': MeasureEvent
  'events.remove': { id: string }
  'events.chooseAlternative': MeasureEvent
  'sources.add': Source
  'sources.update': Source
  'sources.remove': { id: string }
  'links.add': MeasureLink
  'links.remove': { targetId: string }
  'exchange.export': ExchangeFile
  'exchange.import': ImportReport
}
export type Output<M extends MethodName> = ApiOutputs[M]

export type { Note }
export { LOCALES }
