// The keys of the board's rows in view (BoardTable): one element per place in the view, not per
// measure. A new answer (a word typed in the search box, a filter, a reload) then patches the rows
// in view in place — new text in the same elements — instead of unmounting ~17 rows of ~10
// components each and mounting as many: at 100,000 measures that was half of a keystroke's time in
// the page (issue 14: keystroke_100k_ms, patch 15 → 8 ms and layout 5–10 → 4 ms).
//
// One exception keeps what keying by measure gave focus: the row the reader last focused keeps its
// element while its item is in view (the element moves with the item, so focus stays on the same
// measure), and loses it when the item leaves the view (focus never stays on a link that now names
// another measure). It is pinned without changing any key at the moment of focus: a new key would
// replace the focused element.

export interface PinnedRow {
  /** The item's own key (BoardItem.key): which measure, heading or pair. */
  itemKey: string | number
  /** The key its element had when it was focused. */
  elementKey: string
}

/** The key of the element at each of `rows` (the rows in view, in order; each with its index in the list and its item's key). */
export function rowElementKeys(rows: readonly { index: number; itemKey: string | number }[], pinned: PinnedRow | null): string[] {
  const keys = rows.map((row) => `s${row.index}`)
  if (pinned === null) return keys
  const at = rows.findIndex((row) => row.itemKey === pinned.itemKey)
  // The row that would take the pinned element by its place: it takes the pinned item's place key
  // instead, or, with the pinned item out of view, a key of its own (the pinned element goes).
  const holder = keys.indexOf(pinned.elementKey)
  if (holder >= 0 && holder !== at) keys[holder] = at >= 0 ? keys[at]! : `x${rows[holder]!.index}`
  if (at >= 0) keys[at] = pinned.elementKey
  return keys
}
