// One search, three hosts (issue 12): for every query of one table — English, 繁體, 简体, diacritics,
// full-width characters, several words, words only in a note — the board's filter, the report's
// filter and the real command line list the same measures, and the ones the table expects.
// The board is run as the app runs it: its own filter over the loaded rows, joined with the ids
// the service found for the same text (stores/note-search.ts: the service also reads notes).
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportOptionsSchema } from '../src/shared/api-inputs.ts'
import { loadReport } from '../src/core/service/report.ts'
import { emptyFilter, filterRows } from '../src/renderer/src/logic/board-filter.ts'
import { openTempStore, type TempStore } from './helpers/temp-store.ts'
import { value } from './helpers/results.ts'

const AT = '2026-11-26T12:00:00+00:00[UTC]'
let temp: TempStore
/** Fixture label → the id the store gave the measure. */
const id: Record<string, string> = {}

const MEASURES = {
  ships: {
    title: { en: 'Port fees on Chinese-built ships', 'zh-Hant': '對中國建造船舶收取港口費', 'zh-Hans': '对中国建造船舶收取港口费' },
    imposer: 'US',
    target: 'CN',
    category: 'port_fee',
    instrument: '90 FR 48158',
    tags: ['shipping'],
  },
  rareEarth: {
    title: { en: 'Rare earth export controls', 'zh-Hant': '稀土出口管制措施', 'zh-Hans': '稀土出口管制措施' },
    shortName: 'MOFCOM 61',
    imposer: 'CN',
    target: 'US',
    category: 'export_control',
    tags: ['export-controls'],
  },
  counterFees: {
    title: { en: 'Special port fees on US vessels', 'zh-Hant': '對美船舶收取特別港務費', 'zh-Hans': '对美船舶收取特别港务费' },
    imposer: 'CN',
    target: 'US',
    category: 'port_fee',
    tags: ['shipping', 'countermeasure'],
  },
  regime: {
    title: { en: 'Sanctions régime on dual-use exports', 'zh-Hant': '歐盟兩用物項制裁制度', 'zh-Hans': '欧盟两用物项制裁制度' },
    imposer: 'EU',
    target: 'CN',
    category: 'sanction',
    instrument: 'Ｒｅｇｕｌａｔｉｏｎ（ＥＵ）２０２５／１',
    tags: ['sanctions'],
  },
  soy: {
    title: { en: 'Soybean import suspension', 'zh-Hant': '暫停進口美國大豆', 'zh-Hans': '暂停进口美国大豆' },
    imposer: 'CN',
    target: 'US',
    category: 'other',
    tags: ['agriculture'],
  },
} as const

// [query, the fixture labels it finds]
const QUERIES: [string, (keyof typeof MEASURES)[]][] = [
  ['port fees', ['ships', 'counterFees']],
  ['FEES port', ['ships', 'counterFees']],
  ['ships port', ['ships']],
  ['港口費', ['ships']],
  ['船舶 費', ['ships', 'counterFees']],
  ['稀土', ['rareEarth']],
  ['出口管制', ['rareEarth']],
  ['大豆 暂停', ['soy']],
  ['欧盟', ['regime']],
  ['REGIME dual', ['regime']],
  ['régime', ['regime']],
  ['ｒｅｇｕｌａｔｉｏｎ ２０２５', ['regime']],
  ['regulation 2025/1', ['regime']],
  ['counsel truce', ['soy']],
  ['soybean counsel', ['soy']],
  ['zebra', []],
  ['united states', ['ships', 'rareEarth', 'counterFees', 'soy']],
  ['nothing like this', []],
]

beforeAll(async () => {
  temp = await openTempStore({ seed: false })
  for (const [label, facts] of Object.entries(MEASURES)) id[label] = value(temp.store.core.call('measures.create', { facts })).id
  value(temp.store.core.call('notes.add', { measureId: id.soy, body: 'Counsel expects the ban to lapse after the **truce**.' }))
  const deleted = value(temp.store.core.call('notes.add', { measureId: id.rareEarth, body: 'zebra' }))
  value(temp.store.core.call('notes.remove', { measureId: id.rareEarth, noteId: deleted.id }))
})
afterAll(() => temp.cleanup())

const sorted = (ids: Iterable<string>) => [...ids].sort()

function board(text: string): string[] {
  const rows = value(temp.store.core.call('measures.list', { at: AT }))
  const serviceMatches = new Set(value(temp.store.core.call('measures.list', { at: AT, filter: { text } })).map((row) => row.id))
  return sorted(filterRows(rows, { ...emptyFilter(), text }, serviceMatches).map((row) => row.id))
}

function report(text: string): string[] {
  const model = loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: AT, filter: { text } }))
  return sorted(model.measures.filter((m) => m.inScope).map((m) => m.id))
}

function cli(text: string): string[] {
  const run = spawnSync(process.execPath, ['src/cli/main.ts', '--db', temp.path, 'status', '--json', '--at', AT, '--text', text], {
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return sorted((JSON.parse(run.stdout) as { id: string }[]).map((row) => row.id))
}

describe('board, report and command line find the same measures', () => {
  it.each(QUERIES)('%s', (query, labels) => {
    const expected = sorted(labels.map((label) => id[label]!))
    expect(board(query), 'board').toEqual(expected)
    expect(report(query), 'report').toEqual(expected)
    expect(cli(query), 'command line').toEqual(expected)
  })

  it('the command line report takes --text and says so in its header', () => {
    const run = spawnSync(
      process.execPath,
      ['src/cli/main.ts', '--db', temp.path, 'report', '--format', 'json', '--at', AT, '--text', 'FEES port'],
      { encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    const model = JSON.parse(run.stdout) as { filterText: string; measures: { id: string; inScope: boolean }[] }
    expect(sorted(model.measures.filter((m) => m.inScope).map((m) => m.id))).toEqual(sorted([id.ships!, id.counterFees!]))
    expect(model.filterText).toContain('FEES port')
  })

  it('the board finds on its own what the fields hold, before the service has answered', () => {
    const rows = value(temp.store.core.call('measures.list', { at: AT }))
    expect(sorted(filterRows(rows, { ...emptyFilter(), text: '船舶 費' }).map((row) => row.id))).toEqual(
      sorted([id.ships!, id.counterFees!]),
    )
    expect(filterRows(rows, { ...emptyFilter(), text: 'counsel truce' })).toEqual([])
  })
})
