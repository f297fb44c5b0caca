import { describe, expect, it } from 'vitest'
import { measureFactsSchema } from '../../../shared/domain.ts'
import { errorsByField, issueFromApi, issueFromZod, issuesFromApiError } from './validation.ts'
import { validateFacts, emptyFactsForm } from './facts-form.ts'
import { createAppI18n } from '../i18n/index.ts'

const t = createAppI18n('en').global.t as unknown as (key: string, params?: Record<string, unknown>) => string
const tHant = createAppI18n('zh-Hant').global.t as unknown as (key: string, params?: Record<string, unknown>) => string

describe('validation messages', () => {
  it("maps the shared schema's issues to messages by field", () => {
    const parsed = measureFactsSchema.safeParse({
      title: { en: ' ' },
      imposer: 'XX',
      target: 'CN',
      category: 'nope',
      rate: 'x'.repeat(301),
    })
    expect(parsed.success).toBe(false)
    const errors = errorsByField(parsed.error!.issues.map(issueFromZod), t)
    expect(errors).toEqual({
      'title.en': ['Required'],
      imposer: ['Choose a party (ISO country code or EU)'],
      category: ['Choose one of the options'],
      rate: ['At most 300 characters'],
    })
    expect(errorsByField(parsed.error!.issues.map(issueFromZod), tHant)['title.en']).toEqual(['必填'])
  })

  it("maps a host's VALIDATION issues (path and words only) to the same messages", () => {
    const error = {
      code: 'VALIDATION' as const,
      message: 'x',
      details: {
        issues: [
          {
            path: ['event', 'until'],
            message: 'the end (2026-01-01T00:00:00+00:00[UTC]) must come after the start (2026-02-01T00:00:00+00:00[UTC])',
          },
          { path: ['event', 'at'], message: 'must be an RFC 9557 instant with offset and time zone, e.g. …' },
          { path: ['event', 'sourceIds'], message: 'cites unknown source "s9"' },
          { path: ['facts', 'title', 'en'], message: 'Too big: expected string to have <=300 characters' },
          { path: ['event', 'note'], message: 'something new the app has no words for' },
        ],
      },
    }
    const issues = issuesFromApiError(error, 'event')
    expect(errorsByField(issues, t)).toEqual({
      until: ['The end must come after the start'],
      at: ['Enter a valid date and time'],
      sourceIds: ['Cites a source this measure does not have'],
      'facts.title.en': ['At most 300 characters'],
      note: ['something new the app has no words for'],
    })
    expect(
      issueFromApi({ path: ['facts', 'title', 'en'], message: 'Too big: expected string to have <=300 characters' }, 'facts').field,
    ).toBe('title.en')
  })

  it('checks the editor form with the shared schema and names the form fields', () => {
    const form = { ...emptyFactsForm(), imposer: 'US', target: 'US', category: 'tariff' as const }
    const { issues } = validateFacts(form)
    expect(errorsByField(issues, t)).toEqual({ titleEn: ['Required'], target: ['The target must differ from the imposing party'] })
    const ok = validateFacts({ ...form, titleEn: 'A measure', target: 'CN', tags: 'a, b，c、a' })
    expect(ok.issues).toEqual([])
    expect(ok.facts).toMatchObject({ title: { en: 'A measure' }, tags: ['a', 'b', 'c'], rate: null })
  })
})
