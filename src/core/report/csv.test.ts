// The CSV formula guard (issue 9): a formula hidden behind whitespace, a line break or an
// invisible character is neutralised like a plain one; numbers and ordinary text are kept.
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema } from '../../shared/api-inputs.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { BOM, renderCsv } from './csv.ts'
import { csvSafe } from './escape.ts'

describe('csvSafe', () => {
  const formula = '=HYPERLINK("http://evil.example","x")'
  const hidden: [string, string][] = [
    ['leading spaces', `   ${formula}`],
    ['a leading newline', `\n${formula}`],
    ['CRLF', `\r\n+1`],
    ['a no-break space', `\u00A0${formula}`],
    ['an ideographic space', `\u3000${formula}`],
    ['a zero-width space', `\u200B${formula}`],
    ['a zero-width non-joiner', `\u200C${formula}`],
    ['a zero-width joiner', `\u200D${formula}`],
    ['a word joiner', `\u2060${formula}`],
    ['a byte-order mark', `\uFEFF${formula}`],
    ['a right-to-left mark', `\u200F${formula}`],
    ['a soft hyphen', `\u00AD${formula}`],
    ['several invisible characters mixed', ` \u200B\t\u2060\n @cmd`],
    ['fullwidth equals', '＝1+1'],
    ['fullwidth plus', '＋1'],
    ['fullwidth minus', '－1'],
    ['fullwidth at', '＠SUM(A1)'],
    ['a tab alone', '\tplain text'],
  ]
  for (const [what, cell] of hidden) {
    it(`neutralises a formula behind ${what}, keeping the text after the apostrophe`, () => {
      expect(csvSafe(cell)).toBe(`'${cell}`)
    })
  }

  it('leaves plain negative numbers alone (data, not formulas) but not one behind a space, which is not what a number looks like', () => {
    for (const cell of ['-5', '-2.5%', '-1,000', '-0.25']) expect(csvSafe(cell)).toBe(cell)
    expect(csvSafe(' -5')).toBe("' -5")
  })

  it('leaves text whose sign comes after visible characters, and invisible-only cells, alone', () => {
    for (const cell of ['暫停中', '10–15%', '2026-11-10T00:01:00-05:00[America/New_York]', 'a = b', 'x@example.org', '', ' ', '\u200B']) {
      expect(csvSafe(cell)).toBe(cell)
    }
    expect(csvSafe('\u200Ba = b')).toBe('\u200Ba = b')
    expect(csvSafe('\u200B=a')).toBe("'\u200B=a")
  })
})

describe('the status report as CSV', () => {
  let temp: TempStore
  beforeEach(async () => {
    temp = await openTempStore({ nowMs: () => Date.parse('2026-11-02T08:00:00Z') })
  })
  afterEach(() => temp.cleanup())

  it('writes hostile titles and rates hidden behind invisible characters and line breaks with the apostrophe', () => {
    const title = '\u200B=HYPERLINK("http://evil.example","x")'
    const rate = '\n=1+1'
    const update = (id: string, facts: object) => expect(temp.store.core.call('measures.update', { id, facts }).ok).toBe(true)
    update('cn-mot-special-port-fees', { title: { en: title } })
    update('us-bis-affiliates-rule', { rate })
    const model = loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: '2026-11-01T12:00:00-05:00[America/New_York]' }))
    const parsed = Papa.parse<string[]>(renderCsv(model).slice(BOM.length), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const row = (id: string) => parsed.data.find((r) => r[1] === id)
    expect(row('cn-mot-special-port-fees')?.[2]).toBe(`'${title}`)
    expect(row('us-bis-affiliates-rule')?.[12]).toBe(`'${rate}`)
  })
})
