/**
 * Three-way merge of one dataset measure: the dataset as it was when the database was seeded or last
 * updated (base), the newer dataset (next), and what the database holds now (local).
 *
 * The rule, per fact (a leaf value at a path such as `title.en` or `events[effective-2025-09-29].at`):
 * - the dataset did not change it (next = base): the database's value stays, whatever it is;
 * - the user did not change it (local = base): the dataset's new value is taken;
 * - both changed it to the same value: nothing to do;
 * - both changed it differently: a conflict. The user's value stays in use and the dataset's value is
 *   offered beside it ("sources disagree") until the user picks.
 * So a value the user changed is never replaced by this merge; only an explicit pick can do that.
 *
 * Lists of objects with an `id` (events, sources, alternatives with ids) merge item by item, so a new
 * event in the dataset and an event the user added both survive. Other lists (tags) are one fact.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** One fact the update touches; `absent` marks a value that does not exist on that side. */
export interface FactChange {
  path: string
  kind: 'added' | 'changed' | 'removed' | 'conflict'
  base: Json | undefined
  next: Json | undefined
  local: Json | undefined
}

export interface MergeResult {
  /** What the database would hold after the update (undefined: the measure is gone). */
  merged: Json | undefined
  /** Facts the update changes in the database (added, changed, removed). */
  changes: FactChange[]
  /** Facts both sides changed differently; the user's value is in `merged`. */
  conflicts: FactChange[]
}

/** Equality that ignores object key order, the way two JSON files with the same facts compare. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: Json | undefined): string {
  if (value === undefined) return '\u0000absent'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function idOf(value: Json): string | undefined {
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined
}

/** A list merges item by item only when every item on every side carries a distinct id. */
function isIdList(value: Json | undefined): boolean {
  if (value === undefined) return true
  if (!Array.isArray(value)) return false
  const ids = value.map(idOf)
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length
}

export function mergeMeasure(base: Json | undefined, next: Json | undefined, local: Json | undefined): MergeResult {
  const changes: FactChange[] = []
  const conflicts: FactChange[] = []
  const merged = mergeValue(base, next, local, '', changes, conflicts)
  return { merged, changes, conflicts }
}

function mergeValue(
  base: Json | undefined,
  next: Json | undefined,
  local: Json | undefined,
  path: string,
  changes: FactChange[],
  conflicts: FactChange[],
): Json | undefined {
  if (sameJson(next, base) || sameJson(next, local)) return local
  // Descend where both sides are containers of the same shape, so the diff names single facts and
  // only the facts that really collide become conflicts.
  if (next !== undefined && local !== undefined) {
    if ([base, next, local].every((v) => v === undefined || isRecord(v))) {
      return mergeRecords(asRecord(base), asRecord(next), asRecord(local), path, changes, conflicts)
    }
    if ([base, next, local].every(isIdList)) {
      const userOrder = !sameJson(local, base)
      return mergeIdLists(base as Json[] | undefined, next as Json[], local as Json[], userOrder, path, changes, conflicts)
    }
  }
  if (sameJson(local, base)) {
    changes.push({ path, kind: kindOf(local, next), base, next, local })
    return next
  }
  conflicts.push({ path, kind: 'conflict', base, next, local })
  return local
}

function asRecord(value: Json | undefined): Record<string, Json> {
  return isRecord(value) ? value : {}
}

function kindOf(before: Json | undefined, after: Json | undefined): FactChange['kind'] {
  if (before === undefined) return 'added'
  if (after === undefined) return 'removed'
  return 'changed'
}

function mergeRecords(
  base: Record<string, Json>,
  next: Record<string, Json>,
  local: Record<string, Json>,
  path: string,
  changes: FactChange[],
  conflicts: FactChange[],
): Json {
  const out: Record<string, Json> = {}
  const keys = [...new Set([...Object.keys(local), ...Object.keys(next), ...Object.keys(base)])]
  for (const key of keys) {
    const value = mergeValue(base[key], next[key], local[key], path ? `${path}.${key}` : key, changes, conflicts)
    if (value !== undefined) out[key] = value
  }
  return out
}

function mergeIdLists(
  base: Json[] | undefined,
  next: Json[],
  local: Json[],
  userOrder: boolean,
  path: string,
  changes: FactChange[],
  conflicts: FactChange[],
): Json[] {
  const byId = (list: Json[] | undefined): Map<string, Json> => new Map((list ?? []).map((item) => [idOf(item) as string, item]))
  const [b, n, l] = [byId(base), byId(next), byId(local)]
  // The user's order when the user reordered or edited the list, else the dataset's; items only one
  // side has follow in that side's order.
  const first = userOrder ? l : n
  const ids = [...new Set([...first.keys(), ...l.keys(), ...n.keys(), ...b.keys()])]
  const out: Json[] = []
  for (const id of ids) {
    const value = mergeValue(b.get(id), n.get(id), l.get(id), `${path}[${id}]`, changes, conflicts)
    if (value !== undefined) out.push(value)
  }
  return out
}
