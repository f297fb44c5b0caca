import { describe, expect, it } from 'vitest'
import { emptyFactsForm, type FactsForm } from './facts-form.ts'
import { mergeFacts } from './facts-merge.ts'

const form = (fields: Partial<FactsForm>): FactsForm => ({ ...emptyFactsForm(), titleEn: 'Port fees', scope: 'All vessels', ...fields })

describe('mergeFacts', () => {
  it('takes what only they changed, keeps what only I changed, and names what both changed', () => {
    const opened = form({})
    const mine = form({ scope: 'Chinese-built vessels', shortName: 'Fees' })
    const theirs = form({ titleEn: 'Section 301 port fees', shortName: 'Port fees (USTR)' })
    const merged = mergeFacts(opened, mine, theirs)
    expect(merged.form).toMatchObject({ titleEn: 'Section 301 port fees', scope: 'Chinese-built vessels', shortName: 'Fees' })
    expect(merged.taken).toEqual(['titleEn'])
    expect(merged.both).toEqual(['shortName'])
  })

  it('lists nothing when both made the same change', () => {
    const merged = mergeFacts(form({}), form({ scope: 'Same' }), form({ scope: 'Same' }))
    expect(merged).toMatchObject({ taken: [], both: [] })
  })
})
