/**
 * A dataset date that conflicts with the user's, kept the way the app keeps any two sources that
 * disagree on a date: as an alternative of that event (`alternatives`, shown under "Sources
 * disagree" on the measure page, picked with events.chooseAlternative). The user's date stays the
 * one in use.
 *
 * The alternative is marked as the dataset's by its note ("dataset us-cn-truce-2025 v4"). Two rules
 * keep it from looking like the user's work on the next update:
 * - the base row records it (`recordOffered`): the measure as last applied is the new dataset's
 *   measure plus the alternatives the update stored;
 * - a later dataset that does not carry it is read as still offering it (`keepOffered`), so
 *   "the dataset dropped an alternative" is never reported; a later conflicting date replaces it.
 */
import { sameJson, type FactChange, type Json } from './three-way.ts'

type Record_ = { [key: string]: Json }
type Alternative = { field: 'at' | 'until'; value: string; sourceIds: string[]; note: string }

const DATE_PATH = /^events\[(.+)\]\.(at|until)$/

const isRecord = (value: Json | undefined): value is Record_ => value !== null && typeof value === 'object' && !Array.isArray(value)
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : [])

/** The note that marks an alternative as offered by a dataset update (any version of that dataset). */
export const offeredNote = (datasetId: string, version: number): string => `dataset ${datasetId} v${version}`
const isOffered = (alt: Json, datasetId: string): boolean =>
  isRecord(alt) && typeof alt.note === 'string' && alt.note.startsWith(`dataset ${datasetId} v`)

function eventsOf(measure: Json | undefined): Record_[] {
  return isRecord(measure) ? list(measure.events).filter(isRecord) : []
}

function withEvents(measure: Json, change: (event: Record_) => Record_): Json {
  if (!isRecord(measure)) return measure
  return { ...measure, events: list(measure.events).map((e) => (isRecord(e) ? change(e) : e)) }
}

/**
 * The merged measure with each conflicting event date of the dataset added as an alternative of
 * that event (replacing one an earlier version of the dataset offered for the same date), and those
 * alternatives by event id, for the base row.
 */
export function offerConflictingDates(
  merged: Json,
  conflicts: readonly FactChange[],
  next: Json | undefined,
  dataset: { id: string; version: number },
): { merged: Json; offered: Map<string, Alternative[]> } {
  const offered = new Map<string, Alternative[]>()
  const sources = isRecord(merged) ? list(merged.sources).filter(isRecord) : []
  const sourceIds = new Set(sources.map((source) => source.id))
  const nextEvents = new Map(eventsOf(next).map((e) => [e.id as string, e]))
  for (const conflict of conflicts) {
    const match = DATE_PATH.exec(conflict.path)
    if (!match || typeof conflict.next !== 'string' || typeof conflict.local !== 'string') continue
    const [, eventId, field] = match as unknown as [string, string, 'at' | 'until']
    const cited = list(nextEvents.get(eventId)?.sourceIds).filter((id): id is string => typeof id === 'string' && sourceIds.has(id))
    const alt: Alternative = { field, value: conflict.next, sourceIds: cited, note: offeredNote(dataset.id, dataset.version) }
    offered.set(eventId, [...(offered.get(eventId) ?? []), alt])
  }
  return { merged: recordOffered(merged, offered, dataset.id), offered }
}

/**
 * A measure with the offered alternatives added to their events, each replacing one an earlier
 * version offered for the same date: the merged measure, and the base row's (the new dataset's
 * measure with the alternatives this update stored).
 */
export function recordOffered(measure: Json, offered: ReadonlyMap<string, Alternative[]>, datasetId: string): Json {
  if (offered.size === 0) return measure
  return withEvents(measure, (event) => {
    const added = offered.get(event.id as string)
    if (!added) return event
    const fields = new Set<Json>(added.map((a) => a.field))
    const kept = list(event.alternatives).filter((alt) => !(isOffered(alt, datasetId) && isRecord(alt) && fields.has(alt.field as Json)))
    return { ...event, alternatives: [...kept, ...(added as unknown as Json[])] }
  })
}

/**
 * The new dataset's measure as the merge reads it: each event also keeps the alternatives an
 * earlier update offered (recorded in its base), so they are neither a change of the dataset nor
 * an edit of the user's.
 */
export function keepOffered(nextMeasure: Json, base: Json | undefined, datasetId: string): Json {
  const baseOffered = new Map(eventsOf(base).map((e) => [e.id as string, list(e.alternatives).filter((alt) => isOffered(alt, datasetId))]))
  return withEvents(nextMeasure, (event) => {
    const offered = baseOffered.get(event.id as string) ?? []
    if (offered.length === 0) return event
    const own = list(event.alternatives)
    return { ...event, alternatives: [...own, ...offered.filter((alt) => !own.some((o) => sameJson(o, alt as Json)))] }
  })
}
