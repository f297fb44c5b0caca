// The measure editor's form state and its conversion to and from the shared facts schema.
// Besides the words, a rate's number (issue 10) and, for a commitment, its target and deadline.
// Words are entered in English and in each Chinese script (issue 13). A Chinese text the app
// converted from the other script is not put in its input: it is shown as the input's placeholder,
// and saving without typing there lets the store convert again from the (possibly edited) other one.
import {
  measureFactsSchema,
  type Category,
  type ChineseScript,
  type ChineseText,
  type LocalizedText,
  type MeasureFacts,
  type RateUnit,
} from '../../../shared/domain.ts'
import type { z } from 'zod'
import { partsFromZoned, zonedFromParts } from './as-of.ts'
import { issueFromZod, type FieldIssue } from './validation.ts'

/** The facts whose English is the field itself and whose Chinese the editor takes beside it. */
export const TRANSLATED_FIELDS = ['shortName', 'authority', 'instrument', 'instrumentNumber', 'scope', 'summary'] as const
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number]
/** A form field for one Chinese script of a text: `titleZhHant`, `scopeZhHans`… */
export type ChineseField = `${TranslatedField | 'title'}${'ZhHant' | 'ZhHans'}`
const SUFFIX: Readonly<Record<ChineseScript, 'ZhHant' | 'ZhHans'>> = { 'zh-Hant': 'ZhHant', 'zh-Hans': 'ZhHans' }
export const chineseField = (field: TranslatedField | 'title', script: ChineseScript): ChineseField => `${field}${SUFFIX[script]}`

export interface FactsForm extends Record<ChineseField, string> {
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
  /** The rate as a number ('' = none) and its unit. */
  rateNumber: string | number
  rateUnit: RateUnit
  rateCurrency: string
  ratePer: string
  /** A commitment's target ('' = none), its unit in words and its deadline (category `commitment`). */
  commitmentTarget: string | number
  commitmentUnitEn: string
  commitmentUnitZhHant: string
  commitmentUnitZhHans: string
  deadlineDate: string
  deadlineTime: string
  deadlineZone: string
  /** The app's conversions, by the form field they would fill: shown as placeholders, never sent. */
  converted: Partial<Record<ChineseField, string>>
}

export type FactsInput = z.input<typeof measureFactsSchema>

function chineseFields(
  texts: Partial<Record<TranslatedField | 'title', ChineseText | LocalizedText>>,
): Pick<FactsForm, ChineseField | 'converted'> {
  const fields = {} as Record<ChineseField, string>
  const converted: FactsForm['converted'] = {}
  for (const field of ['title', ...TRANSLATED_FIELDS] as const) {
    const text = texts[field]
    for (const script of ['zh-Hant', 'zh-Hans'] as const) {
      const name = chineseField(field, script)
      const value = text?.[script] ?? ''
      if (text?.converted === script) {
        fields[name] = ''
        if (value.trim() !== '') converted[name] = value
      } else fields[name] = value
    }
  }
  return { ...fields, converted }
}

export function emptyFactsForm(): FactsForm {
  return {
    ...chineseFields({}),
    titleEn: '',
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
    rateNumber: '',
    rateUnit: 'percent',
    rateCurrency: '',
    ratePer: '',
    commitmentTarget: '',
    commitmentUnitEn: '',
    commitmentUnitZhHant: '',
    commitmentUnitZhHans: '',
    deadlineDate: '',
    deadlineTime: '00:00',
    deadlineZone: 'UTC',
  }
}

export function factsToForm(facts: MeasureFacts): FactsForm {
  return {
    ...chineseFields({ title: facts.title, ...facts.translations }),
    titleEn: facts.title.en,
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
    rateNumber: facts.rateValue?.value ?? '',
    rateUnit: facts.rateValue?.unit ?? 'percent',
    rateCurrency: facts.rateValue?.currency ?? '',
    ratePer: facts.rateValue?.per ?? '',
    commitmentTarget: facts.commitment?.target ?? '',
    commitmentUnitEn: facts.commitment?.unit.en ?? '',
    // A converted unit is left empty: the store converts it again when saved.
    commitmentUnitZhHant: facts.commitment?.unit.converted === 'zh-Hant' ? '' : (facts.commitment?.unit['zh-Hant'] ?? ''),
    commitmentUnitZhHans: facts.commitment?.unit.converted === 'zh-Hans' ? '' : (facts.commitment?.unit['zh-Hans'] ?? ''),
    ...(facts.commitment ? deadlineParts(facts.commitment.deadline) : { deadlineDate: '', deadlineTime: '00:00', deadlineZone: 'UTC' }),
  }
}

/** Tags as typed: separated by commas (Latin or CJK), semicolons or new lines; blanks and repeats dropped. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
}

function deadlineParts(deadline: string): Pick<FactsForm, 'deadlineDate' | 'deadlineTime' | 'deadlineZone'> {
  const parts = partsFromZoned(deadline)
  return { deadlineDate: parts.date, deadlineTime: parts.time, deadlineZone: parts.zone }
}

const blank = (value: string | number) => String(value).trim() === ''

/** The number typed, or NaN when it is not one (the schema then says so next to the field). */
const numberOf = (value: string | number) => (typeof value === 'number' ? value : Number(value.trim()))

function rateValueOf(form: FactsForm): FactsInput['rateValue'] {
  if (blank(form.rateNumber)) return null
  const value = numberOf(form.rateNumber)
  if (form.rateUnit === 'percent') return { value, unit: 'percent' }
  const per = form.ratePer.trim()
  return { value, unit: 'amount', currency: form.rateCurrency.trim().toUpperCase(), ...(per ? { per } : {}) }
}

function commitmentOf(form: FactsForm): FactsInput['commitment'] {
  // Only a commitment has a target; another category drops it.
  if (form.category !== 'commitment') return null
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())
  return {
    target: blank(form.commitmentTarget) ? (undefined as unknown as number) : numberOf(form.commitmentTarget),
    unit: {
      en: form.commitmentUnitEn.trim(),
      'zh-Hant': optional(form.commitmentUnitZhHant),
      'zh-Hans': optional(form.commitmentUnitZhHans),
    },
    deadline: zonedFromParts({ date: form.deadlineDate, time: form.deadlineTime, zone: form.deadlineZone }) ?? '',
  }
}

/** The Chinese a person typed, field by field; a field left empty in both scripts is left out. */
function translationsOf(form: FactsForm): NonNullable<FactsInput['translations']> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())
  const translations: NonNullable<FactsInput['translations']> = {}
  for (const field of TRANSLATED_FIELDS) {
    const hant = optional(form[chineseField(field, 'zh-Hant')])
    const hans = optional(form[chineseField(field, 'zh-Hans')])
    if (hant !== undefined || hans !== undefined) translations[field] = { 'zh-Hant': hant, 'zh-Hans': hans }
  }
  return translations
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
    rateValue: rateValueOf(form),
    commitment: commitmentOf(form),
    translations: translationsOf(form),
  }
}

/** Form field names for the schema's paths, so an issue lands next to its input. */
// `deadline` names the whole deadline group (date, time, zone).
const FIELD_OF_PATH: Readonly<Record<string, keyof FactsForm | 'deadline'>> = {
  'title.en': 'titleEn',
  'title.zh-Hant': 'titleZhHant',
  'title.zh-Hans': 'titleZhHans',
  'commitment.target': 'commitmentTarget',
  'commitment.unit.en': 'commitmentUnitEn',
  'commitment.unit.zh-Hant': 'commitmentUnitZhHant',
  'commitment.unit.zh-Hans': 'commitmentUnitZhHans',
  'commitment.deadline': 'deadline',
  'commitment.unit': 'commitmentUnitEn',
  ...Object.fromEntries(
    TRANSLATED_FIELDS.flatMap((field) =>
      (['zh-Hant', 'zh-Hans'] as const).map((script) => [`translations.${field}.${script}`, chineseField(field, script)]),
    ),
  ),
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
