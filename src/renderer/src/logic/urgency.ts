// How close a deadline is. The board marks the two bands with an icon and words as well as
// colour, so the distinction never rests on colour alone.
export const DAY_MS = 86_400_000

export type Urgency = 'week' | 'month' | null

export function urgencyOf(referenceMs: number, atMs: number): Urgency {
  const left = atMs - referenceMs
  if (left < 0) return null
  if (left <= 7 * DAY_MS) return 'week'
  if (left <= 30 * DAY_MS) return 'month'
  return null
}
