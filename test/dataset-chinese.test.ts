// The embedded dataset in Chinese (issue 13): every text a reader sees — short name, authority,
// instrument and its number, scope, summary, event notes and scopes — in Traditional and Simplified,
// written (not machine-converted), with the official Chinese names of the instruments; sources
// published in Chinese carry their Chinese title.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exchangeFileSchema } from '../src/shared/exchange.ts'
import type { ChineseText } from '../src/shared/domain.ts'
import { convertScript } from '../src/core/text/chinese-script.ts'

const file = exchangeFileSchema.parse(
  JSON.parse(readFileSync(new URL('../resources/datasets/us-cn-truce-2025.json', import.meta.url), 'utf8')),
)
const measure = (id: string) => {
  const found = file.measures.find((m) => m.id === id)
  if (!found) throw new Error(`measure ${id} missing`)
  return found
}
const FIELDS = ['shortName', 'authority', 'instrument', 'instrumentNumber', 'scope', 'summary'] as const
const HAN = /\p{Script=Han}/u

/** Problems of one translated text: a missing or blank script, a converted mark, no Chinese at all, Traditional characters in the Simplified (outside quotations). */
function problems(where: string, english: string | null, chinese: ChineseText | undefined): string[] {
  if (!english) return chinese === undefined ? [] : [`${where}: Chinese without English`]
  if (chinese === undefined) return [`${where}: no Chinese`]
  const out: string[] = []
  for (const script of ['zh-Hant', 'zh-Hans'] as const) {
    const text = chinese[script]
    if (!text?.trim()) out.push(`${where}: no ${script}`)
    else if (!HAN.test(text)) out.push(`${where}: ${script} has no Chinese characters`)
  }
  if (chinese.converted !== undefined) out.push(`${where}: marked machine-converted`)
  // Quotations keep the script of the text they quote (「第3項自公布日起實施」 from a Taiwanese paper).
  const ownWords = (chinese['zh-Hans'] ?? '').replace(/「[^」]*」/g, '')
  if (convertScript(ownWords, 'zh-Hans') !== ownWords) out.push(`${where}: Traditional characters in zh-Hans`)
  return out
}

describe('embedded dataset in Chinese', () => {
  it('gives every text field of every measure and every event note and scope in zh-Hant and zh-Hans, written rather than converted', () => {
    const found: string[] = []
    for (const m of file.measures) {
      for (const field of FIELDS) found.push(...problems(`${m.id}.${field}`, m[field], m.translations?.[field]))
      for (const e of m.events) {
        found.push(...problems(`${m.id}/${e.id}.note`, e.note, e.translations?.note))
        found.push(...problems(`${m.id}/${e.id}.scope`, e.scope, e.translations?.scope))
      }
      expect(m.title.converted, m.id).toBeUndefined()
    }
    expect(found).toEqual([])
  })

  it('names the instruments by their official Chinese names', () => {
    const names: [string, 'instrument' | 'instrumentNumber', string, string][] = [
      ['cn-mofcom-rare-earth-controls', 'instrument', '商务部、海关总署公告2025年第70号', '商務部、海關總署公告2025年第70號'],
      [
        'cn-mofcom-rare-earth-controls',
        'instrumentNumber',
        '商务部公告2025年第55、56、57、58、61、62号',
        '商務部公告2025年第55、56、57、58、61、62號',
      ],
      ['cn-mofcom-ga-ge-sb-ban', 'instrument', '商务部公告2025年第72号', '商務部公告2025年第72號'],
      ['cn-mofcom-ga-ge-sb-ban', 'instrumentNumber', '商务部公告2024年第46号第二款', '商務部公告2024年第46號第二款'],
      [
        'cn-counter-tariff-24',
        'instrument',
        '国务院关税税则委员会《关于对原产于美国的进口商品加征关税的公告》',
        '國務院關稅稅則委員會《關於對原產於美國的進口商品加徵關稅的公告》',
      ],
      ['cn-counter-tariff-24', 'instrumentNumber', '税委会公告2025年第4号', '稅委會公告2025年第4號'],
      ['cn-mot-special-port-fees', 'instrumentNumber', '交办水〔2025〕59号', '交辦水〔2025〕59號'],
      ['cn-uel-2025-7', 'instrumentNumber', '不可靠实体清单工作机制公告〔2025〕7号', '不可靠實體清單工作機制公告〔2025〕7號'],
      ['us-ieepa-reciprocal-tariff', 'instrument', '第14257号行政令', '第14257號行政命令'],
      ['us-ieepa-fentanyl-tariff', 'instrument', '第14195号行政令', '第14195號行政命令'],
    ]
    for (const [id, field, hans, hant] of names) {
      const text = measure(id).translations?.[field]
      expect(text?.['zh-Hans'], `${id}.${field}`).toContain(hans)
      expect(text?.['zh-Hant'], `${id}.${field}`).toContain(hant)
    }
  })

  it('keeps 第二款 (clause 2), never 第二条, in every language of the Ga/Ge/Sb measure (review §1.8)', () => {
    const text = JSON.stringify(measure('cn-mofcom-ga-ge-sb-ban'))
    expect(text).toContain('第二款')
    expect(text).not.toMatch(/第二[条條]/)
  })

  it('gives the sources published in Chinese a Chinese title, and an English one in the title itself', () => {
    const chinesePublisher =
      /udn|cnyes|worldjournal|ltn\.com|ettoday|takungpao|hk01|stheadline|chinagovernance|luliao|xidi100|neamco|swissinfo\.ch\/chi|yxiu/
    let count = 0
    for (const m of file.measures) {
      for (const s of m.sources) {
        if (!chinesePublisher.test(s.url)) continue
        count++
        expect(s.translations?.title?.['zh-Hant'], `${m.id}/${s.id}`).toMatch(HAN)
        expect(s.translations?.title?.['zh-Hans'], `${m.id}/${s.id}`).toMatch(HAN)
        // The English title is English: Chinese inside it only as a quotation, an item label such as (三) or a publisher's name.
        expect(s.title.replace(/「[^」]*」|\([一二三四五]\)|券商中国/g, ''), `${m.id}/${s.id}`).not.toMatch(HAN)
      }
    }
    expect(count).toBe(28) // citations: a page cited by several measures counts for each
  })
})
