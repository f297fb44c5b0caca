import { describe, expect, it } from 'vitest'
import { reportOptionsSchema } from '../../../shared/api-inputs.ts'
import { emptyFilter } from './board-filter.ts'
import {
  REPORT_PREFS_KEY,
  defaultPaper,
  initialForm,
  listFilterOf,
  loadPrefs,
  optionsOf,
  pdfFilename,
  printRequestOf,
  reportLocale,
  savePrefs,
  type ReportForm,
} from './report-options.ts'

const prefs = { includeNotes: false, days: 30, paper: 'A4' as const, orientation: 'landscape' as const }
const NOW = Date.UTC(2026, 10, 9, 17, 30)

function memoryStorage(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial))
  return { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), store }
}

describe('report options', () => {
  it('starts from the board: its as-of instant, a copy of its filters, the UI language', () => {
    const filter = { ...emptyFilter(), party: 'CN' }
    const form = initialForm({ asOf: '2026-11-10T00:01:00-05:00[America/New_York]', filter, locale: 'zh-Hans', prefs, zone: 'UTC' })
    expect(form).toMatchObject({ when: 'at', at: { date: '2026-11-10', time: '00:01', zone: 'America/New_York' }, lang: 'zh-Hans' })
    expect(form.filter).toEqual(filter)
    expect(form.filter).not.toBe(filter)
    const now = initialForm({ asOf: null, filter: emptyFilter(), locale: 'fr', prefs, zone: 'Asia/Taipei', nowMs: NOW })
    expect(now).toMatchObject({ when: 'now', at: { date: '2026-11-10', time: '01:30', zone: 'Asia/Taipei' }, lang: 'en' })
    expect(reportLocale('zh-Hant')).toBe('zh-Hant')
  })

  it('sends only the filters that are set; an unticked "needs review only" filters nothing', () => {
    expect(listFilterOf(emptyFilter())).toEqual({})
    expect(
      listFilterOf({
        party: 'US',
        imposer: '',
        target: '',
        category: 'tariff',
        status: 'in_force',
        tag: 't',
        needsReview: true,
        text: '  a b  ',
      }),
    ).toEqual({
      party: 'US',
      category: 'tariff',
      status: 'in_force',
      tag: 't',
      needsReview: true,
      text: 'a b',
    })
    expect(listFilterOf({ ...emptyFilter(), needsReview: false, text: '   ' })).toEqual({})
  })

  it('makes options the service accepts: now in the reader’s zone, or the chosen instant in its own', () => {
    const form: ReportForm = initialForm({ asOf: null, filter: emptyFilter(), locale: 'en', prefs, zone: 'UTC', nowMs: NOW })
    const now = optionsOf(form, 'Europe/Paris')
    expect(now).toEqual({
      ok: true,
      options: { tz: 'Europe/Paris', lang: 'en', includeNotes: false, days: 30, filter: {}, paper: 'A4', orientation: 'landscape' },
    })
    form.when = 'at'
    form.days = '7'
    const at = optionsOf(form, 'Europe/Paris')
    expect(at).toEqual({
      ok: true,
      options: {
        at: '2026-11-09T17:30:00+00:00[UTC]',
        lang: 'en',
        includeNotes: false,
        days: 7,
        filter: {},
        paper: 'A4',
        orientation: 'landscape',
      },
    })
    for (const result of [now, at]) if (result.ok) expect(reportOptionsSchema.safeParse(result.options).success).toBe(true)
  })

  it('names the field that is wrong', () => {
    const form = initialForm({ asOf: null, filter: emptyFilter(), locale: 'en', prefs, zone: 'UTC' })
    for (const days of ['', 0, 3661, 2.5, 'x']) expect(optionsOf({ ...form, days }, 'UTC')).toEqual({ ok: false, field: 'days' })
    expect(optionsOf({ ...form, days: 3660 }, 'UTC').ok).toBe(true)
    // "Now" ignores the (hidden) date fields; a chosen instant needs them.
    expect(optionsOf({ ...form, at: { date: '', time: '', zone: 'UTC' } }, 'UTC').ok).toBe(true)
    expect(optionsOf({ ...form, when: 'at', at: { date: '2026-02-30', time: '10:00', zone: 'UTC' } }, 'UTC')).toEqual({
      ok: false,
      field: 'at',
    })
  })

  it('tells the printer the paper and orientation the HTML was built for, and names the PDF', () => {
    expect(printRequestOf('<p>', { paper: 'Letter', orientation: 'portrait' })).toEqual({ html: '<p>', paper: 'Letter', landscape: false })
    expect(printRequestOf('<p>', {})).toEqual({ html: '<p>', paper: 'A4', landscape: true })
    expect(pdfFilename('measure-report-2026-11-09.html')).toBe('measure-report-2026-11-09.pdf')
    expect(pdfFilename('report')).toBe('report.pdf')
  })

  it('defaults the paper to the reader’s region and remembers the paper choices', () => {
    expect(['en-US', 'es-MX', 'en-CA', 'fil-PH'].map(defaultPaper)).toEqual(['Letter', 'Letter', 'Letter', 'Letter'])
    expect(['en-GB', 'zh-TW', 'zh-CN', 'de', undefined, 'not a tag!'].map(defaultPaper)).toEqual(Array(6).fill('A4'))
    const storage = memoryStorage()
    expect(loadPrefs(storage, 'en-US')).toEqual({ includeNotes: false, days: 30, paper: 'Letter', orientation: 'landscape' })
    const form = initialForm({ asOf: null, filter: emptyFilter(), locale: 'en', prefs, zone: 'UTC' })
    savePrefs(storage, { ...form, includeNotes: true, days: 14, paper: 'Letter', orientation: 'portrait' })
    expect(loadPrefs(storage, 'de')).toEqual({ includeNotes: true, days: 14, paper: 'Letter', orientation: 'portrait' })
    // Whatever else is stored there is ignored, field by field.
    const odd = memoryStorage({
      [REPORT_PREFS_KEY]: JSON.stringify({ includeNotes: 'yes', days: 99999, paper: 'A3', orientation: 'portrait' }),
    })
    expect(loadPrefs(odd, 'de')).toEqual({ includeNotes: false, days: 30, paper: 'A4', orientation: 'portrait' })
    expect(loadPrefs(memoryStorage({ [REPORT_PREFS_KEY]: '{' }), 'de')).toEqual(loadPrefs(undefined, 'de'))
  })
})
