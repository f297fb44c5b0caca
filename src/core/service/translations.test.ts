// A measure's words in Chinese through the real store (issue 13): a missing Traditional or
// Simplified text is derived when written and marked machine-converted, edits derive it again,
// search finds either script, and the exchange format keeps every language — version 3 round
// trips, versions 1 and 2 still import and come out as version 3.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, tempDir, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import type { MethodName } from '../../shared/api.ts'
import { openStore } from '../open.ts'
import { openDatabase } from '../store/database.ts'
import { deriveMissingScripts } from '../store/derived-scripts.ts'
import { MIGRATIONS } from '../store/migrations.ts'

let temp: TempStore
const NOW = Date.parse('2026-11-26T12:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => NOW })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const facts = {
  title: { en: 'Special port fees on US vessels', 'zh-Hans': '对美船舶收取船舶特别港务费' },
  imposer: 'CN',
  target: 'US',
  category: 'port_fee',
  instrument: 'MOT announcement 2025 No. 54',
  translations: { instrument: { 'zh-Hant': '交通運輸部公告2025年第54號' }, summary: { 'zh-Hans': '暂停一年', 'zh-Hant': '暫停一年' } },
}
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8')) as unknown

describe('Chinese texts in the store', () => {
  it('derives the missing script of the title and of each field, marks it, and keeps what a person wrote unmarked', () => {
    const created = value(call('measures.create', { id: 'port-fees', facts }))
    expect(created.title).toEqual({
      en: facts.title.en,
      'zh-Hans': '对美船舶收取船舶特别港务费',
      'zh-Hant': '對美船舶收取船舶特別港務費',
      converted: 'zh-Hant',
    })
    expect(created.translations?.instrument).toEqual({
      'zh-Hant': '交通運輸部公告2025年第54號',
      'zh-Hans': '交通运输部公告2025年第54号',
      converted: 'zh-Hans',
    })
    expect(created.translations?.summary).toEqual({ 'zh-Hans': '暂停一年', 'zh-Hant': '暫停一年' })
    // The board's row carries the marks too, for the two fields it shows.
    const [row] = value(call('measures.list', {}))
    expect(row?.title.converted).toBe('zh-Hant')
    expect(row?.translations).toEqual({ instrument: created.translations?.instrument })
  })

  it('derives again when the source text is edited, and keeps a value typed over the conversion', () => {
    const created = value(call('measures.create', { id: 'port-fees', facts }))
    const edited = value(call('measures.update', { id: 'port-fees', facts: { title: { ...created.title, 'zh-Hans': '港口费' } } }))
    expect(edited.title).toMatchObject({ 'zh-Hant': '港口費', converted: 'zh-Hant' })
    const typed = value(
      call('measures.update', { id: 'port-fees', facts: { title: { en: facts.title.en, 'zh-Hans': '港口费', 'zh-Hant': '港埠費' } } }),
    )
    expect(typed.title).toEqual({ en: facts.title.en, 'zh-Hans': '港口费', 'zh-Hant': '港埠費' })
  })

  it('never derives English, and a text with no Chinese stays without', () => {
    const created = value(call('measures.create', { id: 'english', facts: { ...facts, title: { en: 'English only' }, translations: {} } }))
    expect(created.title).toEqual({ en: 'English only' })
    expect(created.translations).toEqual({})
  })

  it('derives the Chinese of event notes and source titles', () => {
    value(call('measures.create', { id: 'port-fees', facts }))
    const source = value(
      call('sources.add', {
        measureId: 'port-fees',
        source: { url: 'https://example.org/a', title: 'Report', confidence: 'secondary', translations: { title: { 'zh-Hant': '報導' } } },
      }),
    )
    value(
      call('events.record', {
        measureId: 'port-fees',
        event: {
          kind: 'effective',
          at: '2025-10-14T00:00:00+08:00[Asia/Shanghai]',
          sourceIds: [source.id],
          note: 'Charged from 14 Oct',
          translations: { note: { 'zh-Hans': '自10月14日起收费' } },
        },
      }),
    )
    const detail = value(call('measures.get', { id: 'port-fees' }))
    expect(detail.sources[0]?.translations?.title).toEqual({ 'zh-Hant': '報導', 'zh-Hans': '报导', converted: 'zh-Hans' })
    expect(detail.events[0]?.translations?.note).toEqual({
      'zh-Hans': '自10月14日起收费',
      'zh-Hant': '自10月14日起收費',
      converted: 'zh-Hant',
    })
  })

  it('finds a measure written in one script by a query in the other', () => {
    value(call('measures.create', { id: 'port-fees', facts }))
    const ids = (text: string) => value(call('measures.list', { filter: { text } })).map((m) => m.id)
    expect(ids('特別港務費')).toEqual(['port-fees']) // the title was written in Simplified only
    expect(ids('交通运输部')).toEqual(['port-fees']) // the instrument was written in Traditional only
  })
})

describe('exchange format version 3', () => {
  it('keeps every language and every mark through export and import', async () => {
    value(call('measures.create', { id: 'port-fees', facts }))
    value(
      call('events.record', {
        measureId: 'port-fees',
        event: {
          kind: 'announced',
          at: '2025-10-10T00:00:00+08:00[Asia/Shanghai]',
          note: 'Announced',
          translations: { note: { 'zh-Hant': '公布', 'zh-Hans': '公布' } },
        },
      }),
    )
    const exported = value(call('exchange.export', {}))
    expect(exported.version).toBe(3)
    const other = await openTempStore({ seed: false, nowMs: () => NOW })
    try {
      value(other.store.core.call('exchange.import', { file: JSON.parse(JSON.stringify(exported)) as unknown }))
      const again = value(other.store.core.call('exchange.export', {}))
      expect(again.measures).toEqual(exported.measures)
      expect(again.measures[0]?.translations?.instrument?.converted).toBe('zh-Hans')
    } finally {
      other.cleanup()
    }
  })

  it.each([
    ['1', 'us-cn-truce-2025-dataset-v1.json', 12],
    ['2', 'us-cn-truce-2025-dataset-v2.json', 26],
  ])(
    'imports a version-%s file (the embedded dataset as shipped then) and exports it as version 3 with the same facts',
    (_version, name, count) => {
      const file = fixture(name) as { measures: { id: string; title: Record<string, string>; instrument: string }[] }
      const report = value(call('exchange.import', { file }))
      expect(report.created).toHaveLength(count)
      const exported = value(call('exchange.export', {}))
      expect(exported.version).toBe(3)
      for (const original of file.measures) {
        const measure = exported.measures.find((m) => m.id === original.id)
        expect(measure?.instrument, original.id).toBe(original.instrument)
        expect(measure?.title['zh-Hant'], original.id).toBe(original.title['zh-Hant'])
        expect(measure?.title['zh-Hans'], original.id).toBe(original.title['zh-Hans'])
        expect(measure?.translations, original.id).toEqual({})
      }
    },
  )
})

describe('databases written before migration 6', () => {
  it('gain the missing script of their titles and units on the first writable open, once', async () => {
    const path = join(tempDir(), 'old.db')
    const { db } = await openDatabase(path, MIGRATIONS.slice(0, 5))
    db.exec(`INSERT INTO measures (id, title_en, title_zh_hans, imposer, target, category, created_at, updated_at, commitment)
      VALUES ('old', 'Soybeans', '采购大豆', 'CN', 'US', 'commitment', 'x', 'x',
        '{"target":25,"unit":{"en":"million tonnes","zh-Hant":"百萬噸"},"deadline":"2027-01-01T00:00:00+08:00[Asia/Shanghai]"}')`)
    db.close()
    const store = await openStore({ path, actor: 'test', seed: false })
    try {
      const measure = value(store.core.call('measures.get', { id: 'old' }))
      expect(measure.title).toEqual({ en: 'Soybeans', 'zh-Hans': '采购大豆', 'zh-Hant': '採購大豆', converted: 'zh-Hant' })
      expect(measure.commitment?.unit).toEqual({ en: 'million tonnes', 'zh-Hant': '百萬噸', 'zh-Hans': '百万吨', converted: 'zh-Hans' })
    } finally {
      store.close()
    }
    // Afterwards there is nothing left to derive: a later open writes nothing.
    const check = new DatabaseSync(path)
    try {
      expect(deriveMissingScripts(check)).toBe(0)
    } finally {
      check.close()
    }
  })
})
