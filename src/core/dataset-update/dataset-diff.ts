/**
 * The update review's content: every measure of the base dataset, the new dataset and the database,
 * merged three ways, keeping only the measures the update touches. Accepting a measure writes its
 * `merged`; skipping it leaves the database as it is.
 */
import { mergeMeasure, type FactChange, type Json } from './three-way.ts'

export interface MeasureUpdate {
  id: string
  /** new: only the new dataset has it; changed: facts differ; removed: the new dataset dropped it. */
  kind: 'new' | 'changed' | 'removed'
  merged: Json | undefined
  changes: FactChange[]
  conflicts: FactChange[]
}

/** A measure as the exchange file holds it; only its id matters here, the rest merges as JSON. */
type Identified = { id: string; [key: string]: unknown }

export function diffDatasets(base: readonly Identified[], next: readonly Identified[], local: readonly Identified[]): MeasureUpdate[] {
  const byId = (list: readonly Identified[]): Map<string, Identified> => new Map(list.map((m) => [m.id, m]))
  const [b, n, l] = [byId(base), byId(next), byId(local)]
  const ids = [...new Set([...n.keys(), ...b.keys()])]
  const updates: MeasureUpdate[] = []
  for (const id of ids) {
    const { merged, changes, conflicts } = mergeMeasure(asJson(b.get(id)), asJson(n.get(id)), asJson(l.get(id)))
    if (changes.length === 0 && conflicts.length === 0) continue
    const kind = !b.has(id) && !l.has(id) ? 'new' : n.has(id) ? 'changed' : 'removed'
    updates.push({ id, kind, merged, changes, conflicts })
  }
  return updates
}

function asJson(measure: Identified | undefined): Json | undefined {
  return measure as Json | undefined
}
