import { describe, expect, it } from 'vitest'
import { epochMs } from '../../../shared/time.ts'
import { buildOutcomeInput, newOutcomeForm, outcomesFor } from './outcome-form.ts'
import { replacementCandidates } from './outcome-replacement.ts'
import { summary } from '../test/fixtures.ts'

const ENDED = '2026-11-10T00:01:00-05:00[America/New_York]'
const deadline = { kind: 'suspension_end' as const, at: ENDED, atMs: epochMs(ENDED) }
const NOW = Date.parse('2026-12-04T10:00:00Z')

describe('outcomesFor', () => {
  it('offers extension and reinstatement only after a suspension ended, and no termination after one', () => {
    expect(outcomesFor({ kind: 'suspension_end' })).toEqual(['extended', 'reinstated', 'terminated', 'replaced', 'confirmed'])
    expect(outcomesFor({ kind: 'effective' })).toEqual(['terminated', 'replaced', 'confirmed'])
    expect(outcomesFor({ kind: 'terminated' })).toEqual(['confirmed'])
  })
})

describe('buildOutcomeInput', () => {
  it('dates an outcome at the deadline, on its legal clock', () => {
    const form = newOutcomeForm(deadline, 'reinstated')
    expect(form.dated).toEqual({ date: '2026-11-10', time: '00:01', zone: 'America/New_York' })
    expect(buildOutcomeInput('m', form, deadline, NOW)).toEqual({
      input: { measureId: 'm', outcome: 'reinstated', at: ENDED, relation: 'related', sourceIds: [], note: '' },
      issues: [],
    })
  })

  it('dates a confirmation now, in the deadline’s zone', () => {
    const form = newOutcomeForm(deadline, 'confirmed')
    expect(buildOutcomeInput('m', form, deadline, NOW).input?.at).toBe('2026-12-04T05:00:00-05:00[America/New_York]')
  })

  it('counts an extension from the date it took effect, and refuses an end before it', () => {
    const form = newOutcomeForm(deadline)
    form.extension.mode = 'duration'
    expect(buildOutcomeInput('m', form, deadline, NOW).input).toMatchObject({ outcome: 'extended', at: ENDED, duration: 'P1Y' })
    form.extension.mode = 'until'
    form.extension.until.date = '2026-11-01'
    expect(buildOutcomeInput('m', form, deadline, NOW).issues.map((i) => [i.field, i.key])).toEqual([['until', 'endBeforeStart']])
  })

  it('keeps a source only with an http(s) address; the citation alone is refused', () => {
    const form = newOutcomeForm(deadline, 'terminated')
    form.sourceTitle = 'Gazette No. 12'
    expect(buildOutcomeInput('m', form, deadline, NOW).issues.map((i) => [i.field, i.key])).toEqual([['source.url', 'citationNeedsUrl']])
    form.sourceUrl = 'javascript:alert(1)'
    expect(buildOutcomeInput('m', form, deadline, NOW).issues.map((i) => i.key)).toEqual(['invalidUrl'])
    form.sourceUrl = ' https://example.gov/n '
    expect(buildOutcomeInput('m', form, deadline, NOW).input?.source).toEqual({
      url: 'https://example.gov/n',
      title: 'Gazette No. 12',
      confidence: 'official',
    })
  })

  it('needs the replacement and a valid dated instant', () => {
    const form = newOutcomeForm(deadline, 'replaced')
    form.dated.date = ''
    expect(buildOutcomeInput('m', form, deadline, NOW).issues.map((i) => [i.field, i.key])).toEqual([
      ['at', 'required'],
      ['replacementId', 'chooseReplacement'],
    ])
  })
})

describe('replacementCandidates', () => {
  const rows = [
    summary('a', { title: { en: 'Port fees', 'zh-Hans': '港口费' } }),
    summary('b', { title: { en: 'Port fees, second phase', 'zh-Hans': '港口费第二阶段' } }),
    summary('c', { title: { en: 'Deleted port rule' }, deletedAt: '2026-01-01T00:00:00Z' }),
  ]
  it('matches any language’s title, leaves out the measure itself and deleted ones, and lists nothing before typing', () => {
    expect(replacementCandidates(rows, 'a', 'PORT', 'en').map((c) => c.id)).toEqual(['b'])
    expect(replacementCandidates(rows, 'x', '港口费', 'zh-Hans').map((c) => c.title)).toEqual(['港口费', '港口费第二阶段'])
    expect(replacementCandidates(rows, 'a', '  ', 'en')).toEqual([])
  })
})
