// The measure editor's form state and its conversion to and from the shared facts schema.
import { measureFactsSchema, type Category, type MeasureFacts } from '../../../shared/domain.ts'
import type { z } from 'zod'
import { issueFromZod, type FieldIssue } from './validation.ts'

export interface FactsForm {
  titleEn: string
  titleZhHant: string
  titleZhHans: string
  shortName: string
  imposer: string
  target: string
  category: Category | ''
  authority: string
  instrument: string
  instrumentNumber: string
  scope: string
  rate: string
  /** Comma-separated, as typed. */
  tags: string
  summary: string
}

export type FactsInput = z.input<typeof measureFactsSchema>

export function emptyFactsForm(): FactsForm {
  return {
    titleEn: '',
    titleZhHant: '',
    titleZhHans: '',
    shortName: '',
    imposer: '',
    target: '',
    category: '',
    authority: '',
    instrument: '',
    instrumentNumber: '',
    scope: '',
    rate: '',
    tags: '',
    summary: '',
  }
}

export function factsToForm(facts: MeasureFacts): FactsForm {
  return {
    titleEn: facts.title.en,
    titleZhHant: facts.title['zh-Hant'] ?? '',
    titleZhHans: facts.title['zh-Hans'] ?? '',
    shortName: facts.shortName,
    imposer: facts.imposer,
    target: facts.target,
    category: facts.category,
    authority: facts.authority,
    instrument: facts.instrument,
    instrumentNumber: facts.instrumentNumber,
    scope: facts.scope,
    rate: facts.rate ?? '',
    tags: facts.tags.join(', '),
    summary: facts.summary,
  }
}

/** Tags as typed: separated by commas (Latin or CJK), semicolons or new lines; blanks and repeats dropped. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\n]/).map((tag) => tag.trim()).filter(Boolean))]
}

export function formToFacts(form: FactsForm): FactsInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())
  return {
    title: { en: form.titleEn.trim(), 'zh-Hant': optional(form.titleZhHant), 'zh-Hans': optional(form.titleZhHans) },
    shortName: form.shortName.trim(),
    imposer: form.imposer,
    target: form.target,
    category: form.category as Category,
    authority: form.authority.trim(),
    instrument: form.instrument.trim(),
    instrumentNumber: form.instrumentNumber.trim(),
    scope: form.scope.trim(),
    rate: form.rate.trim() === '' ? null : form.rate.trim(),
    tags: splitTags(form.tags),
    summary: form.summary.trim(),
  }
}

/** Form field names for the schema's paths, so an issue lands next to its input. */
const FIELD_OF_PATH: Readonly<Record<string, keyof FactsForm>> = {
  'title.en': 'titleEn',
  'title.zh-Hant': 'titleZhHant',
  'title.zh-Hans': 'titleZhHans',
}

export function factsField(path: string): string {
  return FIELD_OF_PATH[path] ?? path
}

export function validateFacts(form: FactsForm): { facts: FactsInput; issues: FieldIssue[] } {
  const facts = formToFacts(form)
  const parsed = measureFactsSchema.safeParse(facts)
  const issues = parsed.success ? [] : parsed.error.issues.map(issueFromZod)
  if (form.imposer !== '' && form.imposer === form.target) {
    issues.push({ field: 'target', key: 'sameParty', params: {}, raw: 'imposer and target are the same party' })
  }
  return { facts, issues: issues.map((issue) => ({ ...issue, field: factsField(issue.field) })) }
}
