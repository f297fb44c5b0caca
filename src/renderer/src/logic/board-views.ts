// What "a view of the board" is — its filters, sort and grouping — and the named views a person
// saves ("CN export controls", "Due in 90 days"). Pure: reading what storage holds (anything, from
// an older version or edited by hand) and the list operations; stores/board.ts persists them.
import { CATEGORIES, STATUSES } from '../../../shared/domain.ts'
import { GROUP_KEYS, SORT_KEYS, emptyFilter, type BoardFilter, type GroupKey, type SortKey } from './board-filter.ts'

export interface BoardViewState {
  filter: BoardFilter
  sort: SortKey
  group: GroupKey
}

export interface SavedView extends BoardViewState {
  /** Stable across renames: the navigation links to it. */
  id: string
  name: string
}

/** localStorage: the named views, shared by every window. */
export const SAVED_VIEWS_KEY = 'measure-tracker.board.views'
/** sessionStorage: the last view of this window (each window keeps its own). */
export const LAST_VIEW_KEY = 'measure-tracker.board.last'
export const MAX_NAME_LENGTH = 80

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '')
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback

/** A view read back from storage: unknown fields dropped, bad values reset to "any". */
export function viewStateFrom(value: unknown): BoardViewState {
  const source = isRecord(value) ? value : {}
  const f = isRecord(source.filter) ? source.filter : {}
  const filter: BoardFilter = {
    ...emptyFilter(),
    party: text(f.party),
    imposer: text(f.imposer),
    target: text(f.target),
    category: oneOf(f.category, ['', ...CATEGORIES], ''),
    status: oneOf(f.status, ['', ...STATUSES], ''),
    tag: text(f.tag),
    needsReview: f.needsReview === true,
    text: text(f.text),
  }
  return { filter, sort: oneOf(source.sort, SORT_KEYS, 'next'), group: oneOf(source.group, GROUP_KEYS, 'none') }
}

export function savedViewsFrom(json: string | null): SavedView[] {
  let parsed: unknown
  try {
    parsed = json === null ? [] : JSON.parse(json)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const views: SavedView[] = []
  for (const item of parsed) {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.name !== 'string') continue
    const name = cleanName(item.name)
    if (!name || views.some((view) => view.id === item.id)) continue
    views.push({ id: item.id, name, ...viewStateFrom(item) })
  }
  return views
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH)
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0
}

export function viewNamed(views: readonly SavedView[], name: string): SavedView | undefined {
  const clean = cleanName(name)
  return views.find((view) => sameName(view.name, clean))
}

/** Saves `state` as `name`; a view of that name (any case) is replaced and keeps its id and place. */
export function saveView(views: readonly SavedView[], name: string, state: BoardViewState, newId: () => string): SavedView[] {
  const clean = cleanName(name)
  if (!clean) return views.slice()
  const copy = { filter: { ...state.filter }, sort: state.sort, group: state.group }
  const existing = viewNamed(views, clean)
  if (existing) return views.map((view) => (view === existing ? { ...copy, id: view.id, name: clean } : view))
  return [...views, { ...copy, id: newId(), name: clean }]
}

/** Renames a view; refused (unchanged list) for an empty name or one another view has. */
export function renameView(views: readonly SavedView[], id: string, name: string): SavedView[] {
  const clean = cleanName(name)
  const other = viewNamed(views, clean)
  if (!clean || (other && other.id !== id)) return views.slice()
  return views.map((view) => (view.id === id ? { ...view, name: clean } : view))
}

export function deleteView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((view) => view.id !== id)
}
