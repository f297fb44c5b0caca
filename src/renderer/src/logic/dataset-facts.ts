// One fact of a dataset update (a path such as `title.en` or `events[ID].at`, with the value on
// each side) in the review's words: what it is ("Terminated — date", "Title (English)", "New
// source") and each value as something a person reads — an instant (shown by InstantText in the
// reader's zone, with the legal zone on hover), a text, or "none". Paths the review has no words
// for keep their field name.
import type { DatasetFactChange } from '../../../shared/dataset-update.ts'

export type FactValue = { instant: string } | { text: string } | { none: true }

export interface ReadableFact {
  label: string
  was: FactValue
  now: FactValue
  /** The user's value (conflicts only). */
  yours?: FactValue
}

type Translate = (key: string, params?: Record<string, unknown>) => string

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T[^[]+\[[^\]]+\]$/
const EVENT_PATH = /^events\[([^\]]+)\](?:\.(\w+))?/
const SOURCE_PATH = /^sources\[([^\]]+)\](?:\.(\w+))?/
const TITLE_FIELD: Record<string, string> = { en: 'titleEn', 'zh-Hant': 'titleZhHant', 'zh-Hans': 'titleZhHans' }
/** Top-level fields the editor already names (editor.field.*). */
const EDITOR_FIELDS = new Set([
  'shortName',
  'imposer',
  'target',
  'category',
  'authority',
  'instrument',
  'instrumentNumber',
  'rate',
  'scope',
  'tags',
  'summary',
])

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** A value as the review shows it. */
export function readableValue(value: unknown): FactValue {
  if (value === undefined || value === null || value === '') return { none: true }
  if (typeof value === 'string') return ZONED_INSTANT.test(value) ? { instant: value } : { text: value }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) }
  if (Array.isArray(value)) return value.length === 0 ? { none: true } : { text: value.map((item) => textOf(item)).join(', ') }
  if (isRecord(value)) {
    // An event is read by its date, a source by its title, a text in several languages by its English.
    if (typeof value.at === 'string') return { instant: value.at }
    if (typeof value.title === 'string') return { text: value.title }
    if (typeof value.en === 'string') return { text: value.en }
  }
  return { text: textOf(value) }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (isRecord(value) && typeof value.title === 'string') return value.title
  return JSON.stringify(value)
}

/** What the fact is, in the reader's language. */
export function factLabel(path: string, eventKinds: Record<string, string>, t: Translate, kind: DatasetFactChange['kind']): string {
  const title = /^title\.(.+)$/.exec(path)
  if (title) return TITLE_FIELD[title[1] as string] ? t(`editor.field.${TITLE_FIELD[title[1] as string]}`) : path
  const event = EVENT_PATH.exec(path)
  if (event) {
    const [, id, field] = event as unknown as [string, string, string | undefined]
    const name = eventKinds[id] ? t(`eventKind.${eventKinds[id]}`) : id
    if (field === undefined) return t(`datasetUpdate.fact.event.${kind === 'conflict' ? 'changed' : kind}`, { event: name })
    if (field === 'at' || field === 'until') return t(`datasetUpdate.fact.${field}`, { event: name })
    return t('datasetUpdate.fact.eventField', { event: name, field })
  }
  const source = SOURCE_PATH.exec(path)
  if (source) {
    const [, , field] = source as unknown as [string, string, string | undefined]
    if (field === undefined) return t(`datasetUpdate.fact.source.${kind === 'conflict' ? 'changed' : kind}`)
    return t('datasetUpdate.fact.sourceField', { field })
  }
  const top = path.split(/[.[]/)[0] as string
  if (EDITOR_FIELDS.has(top) && top === path) return t(`editor.field.${top}`)
  return path
}

export function readableFact(change: DatasetFactChange, eventKinds: Record<string, string>, t: Translate): ReadableFact {
  const fact: ReadableFact = {
    label: factLabel(change.path, eventKinds, t, change.kind),
    was: readableValue(change.base),
    now: readableValue(change.next),
  }
  if (change.kind === 'conflict') fact.yours = readableValue(change.local)
  return fact
}
