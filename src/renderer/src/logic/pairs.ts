// Counter-measure pairs, for the board's side-by-side view: measures joined by 'counter' links
// (either direction) form a group; each group is shown as two columns, one per imposing party.
import type { MeasureSummary } from '../../../shared/api-views.ts'

export interface PairRow {
  key: string
  left: MeasureSummary[]
  right: MeasureSummary[]
}

export interface PairGroup {
  key: string
  left: string
  right: string
  rows: PairRow[]
}

export interface CounterPairs {
  groups: PairGroup[]
  /** Measures with no visible counter-measure: listed after the pairs. */
  unpaired: MeasureSummary[]
}

function find(parent: Map<string, string>, id: string): string {
  let root = id
  while (parent.get(root) !== root) root = parent.get(root)!
  parent.set(id, root)
  return root
}

/**
 * Groups rows (already filtered and sorted) into counter-measure pairs, keeping the sort: a pair
 * appears where its first member would, and each column keeps the members' order.
 *
 * Which party goes on the left: `home` (the reader's own region, from their language settings) if it
 * is one of the two; else the one whose measures list the other side's as counter-measures more
 * often (the originating side lists its counters); on a tie, the party codes' order. `swapped`
 * names pair groups (by key) the reader chose to flip.
 */
export function counterPairs(rows: readonly MeasureSummary[], home?: string, swapped: ReadonlySet<string> = new Set()): CounterPairs {
  const byId = new Map(rows.map((row) => [row.id, row]))
  const parent = new Map(rows.map((row) => [row.id, row.id]))
  const outgoing = new Map<string, number>()
  for (const row of rows) {
    for (const link of row.links) {
      const other = link.relation === 'counter' ? byId.get(link.targetId) : undefined
      if (!other || other.id === row.id) continue
      parent.set(find(parent, row.id), find(parent, other.id))
      if (other.imposer !== row.imposer) {
        const key = `${row.imposer}>${other.imposer}`
        outgoing.set(key, (outgoing.get(key) ?? 0) + 1)
      }
    }
  }

  const components = new Map<string, MeasureSummary[]>()
  for (const row of rows) {
    const root = find(parent, row.id)
    const members = components.get(root)
    if (members) members.push(row)
    else components.set(root, [row])
  }

  const groups = new Map<string, PairGroup>()
  const unpaired: MeasureSummary[] = []
  // Map iteration follows insertion order, which follows the sorted rows.
  for (const members of components.values()) {
    const parties = partiesByCount(members)
    if (members.length < 2 || parties.length < 2) {
      unpaired.push(...members)
      continue
    }
    const [a, b] = [parties[0]!, parties[1]!].sort()
    const aOut = outgoing.get(`${a}>${b}`) ?? 0
    const bOut = outgoing.get(`${b}>${a}`) ?? 0
    const homeFirst = home === b || (home !== a && bOut > aOut)
    const groupKey = `${a}|${b}`
    const [left, right] = homeFirst !== swapped.has(groupKey) ? [b!, a!] : [a!, b!]
    const group = groups.get(groupKey) ?? { key: groupKey, left, right, rows: [] }
    groups.set(groupKey, group)
    group.rows.push({
      key: members.map((m) => m.id).join('+'),
      left: members.filter((m) => m.imposer === group.left),
      right: members.filter((m) => m.imposer !== group.left),
    })
  }
  return { groups: [...groups.values()], unpaired }
}

function partiesByCount(members: readonly MeasureSummary[]): string[] {
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.imposer, (counts.get(m.imposer) ?? 0) + 1)
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([party]) => party)
}
