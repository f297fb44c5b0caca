// The report view's "Include the timeline and rate charts" (issue 15): asked for only when ticked,
// so the options of a report without charts are what they were.
import { describe, expect, it } from 'vitest'
import { emptyFilter } from './board-filter.ts'
import { defaultPrefs, initialForm, optionsOf } from './report-options.ts'

describe('report options with charts', () => {
  const form = initialForm({ asOf: null, filter: emptyFilter(), locale: 'en', prefs: defaultPrefs('en-GB'), zone: 'UTC' })

  it('asks for the charts when ticked', () => {
    const result = optionsOf({ ...form, charts: true }, 'UTC')
    expect(result.ok && result.options.charts).toBe(true)
  })

  it('leaves the option out when not ticked', () => {
    const result = optionsOf({ ...form, charts: false }, 'UTC')
    expect(result.ok && 'charts' in result.options).toBe(false)
    expect(optionsOf(form, 'UTC')).toEqual(result)
  })
})
