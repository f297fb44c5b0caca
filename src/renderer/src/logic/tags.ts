// Tags as the service treats them: trimmed, one line, 1–60 characters, compared case-insensitively.
import { tagSchema } from '../../../shared/api-inputs.ts'

export const foldTag = (tag: string): string => tag.normalize('NFC').toLocaleLowerCase()

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = foldTag(tag.trim())
  return tags.some((existing) => foldTag(existing) === key)
}

/** The cleaned tag, or null when it is not one (empty, too long, several lines). */
export function cleanTag(text: string): string | null {
  const parsed = tagSchema.safeParse(text)
  return parsed.success ? parsed.data : null
}

/** Known tags the measure does not have yet, those starting with what is typed first. */
export function tagSuggestions(known: readonly string[], current: readonly string[], typed: string): string[] {
  const query = foldTag(typed.trim())
  const free = known.filter((tag) => !hasTag(current, tag))
  if (!query) return free
  const starts = free.filter((tag) => foldTag(tag).startsWith(query))
  const contains = free.filter((tag) => !foldTag(tag).startsWith(query) && foldTag(tag).includes(query))
  return [...starts, ...contains]
}
