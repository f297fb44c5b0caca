// The edit form after a change was refused because the measure changed meanwhile (issue 17): the
// form was filled from `opened`, the person made it `mine`, the measure is now `theirs`. What only
// they changed comes into the form; what only the person changed stays; what both changed keeps
// the person's text and is named, so they can compare before saving again. Nothing typed is lost.
import type { FactsForm } from './facts-form.ts'

export interface FactsMerge {
  form: FactsForm
  /** Fields only the other change touched: their value is now in the form. */
  taken: (keyof FactsForm)[]
  /** Fields both changed: the person's value is kept. */
  both: (keyof FactsForm)[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export function mergeFacts(opened: FactsForm, mine: FactsForm, theirs: FactsForm): FactsMerge {
  const form = { ...mine }
  const taken: (keyof FactsForm)[] = []
  const both: (keyof FactsForm)[] = []
  for (const key of Object.keys(theirs) as (keyof FactsForm)[]) {
    // The Chinese script suggestions follow the stored texts: always theirs.
    if (key === 'converted') {
      form.converted = theirs.converted
      continue
    }
    if (same(theirs[key], opened[key])) continue
    if (same(mine[key], opened[key])) {
      ;(form as Record<string, unknown>)[key] = theirs[key]
      taken.push(key)
    } else if (!same(mine[key], theirs[key])) both.push(key)
  }
  return { form, taken, both }
}
