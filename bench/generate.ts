// A synthetic store for benchmarks: N measures with ten events each, spread over parties,
// categories and zones, in the exchange format so it goes through the real import.
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeFile } from '../src/shared/exchange.ts'
import { CATEGORIES } from '../src/shared/domain.ts'
import { Temporal, formatZoned } from '../src/shared/time.ts'

const PARTIES = [
  ['US', 'CN', 'America/New_York'],
  ['CN', 'US', 'Asia/Shanghai'],
  ['EU', 'CN', 'Europe/Brussels'],
  ['JP', 'KR', 'Asia/Tokyo'],
] as const

export function generateExchangeFile(count: number): ExchangeFile {
  const base = Temporal.ZonedDateTime.from('2024-01-01T00:01:00-05:00[America/New_York]')
  const measures = []
  for (let i = 0; i < count; i++) {
    const [imposer, target, zone] = PARTIES[i % PARTIES.length] as (typeof PARTIES)[number]
    const start = base.withTimeZone(zone).add({ days: i % 700, hours: i % 24 })
    const at = (days: number) => formatZoned(start.add({ days }))
    const id = `m-${i}`
    measures.push({
      id,
      title: { en: `Measure ${i} on goods of ${target}`, 'zh-Hans': `措施 ${i}` },
      shortName: `M${i}`,
      imposer,
      target,
      category: CATEGORIES[i % CATEGORIES.length] as (typeof CATEGORIES)[number],
      rate: `${(i % 50) + 5}%`,
      tags: [`tag-${i % 20}`],
      sources: [{ id: 's1', url: `https://example.org/notice/${i}`, title: `Notice ${i}`, confidence: 'secondary' as const }],
      links: i % 2 === 1 ? [{ targetId: `m-${i - 1}`, relation: 'counter' as const }] : [],
      events: [
        { id: 'e1', kind: 'announced' as const, at: at(0), sourceIds: ['s1'] },
        { id: 'e2', kind: 'effective' as const, at: at(30), sourceIds: ['s1'] },
        { id: 'e3', kind: 'amended' as const, at: at(60), rate: '25%' },
        { id: 'e4', kind: 'suspended' as const, at: at(90), until: at(180) },
        { id: 'e5', kind: 'extended' as const, at: at(170), until: at(365) },
        { id: 'e6', kind: 'review' as const, at: at(370) },
        { id: 'e7', kind: 'amended' as const, at: at(400), rate: '30%' },
        { id: 'e8', kind: 'suspended' as const, at: at(500), until: at(800) },
        { id: 'e9', kind: 'resumed' as const, at: at(700) },
        { id: 'e10', kind: 'terminated' as const, at: at(1000), scheduled: true },
      ],
    })
  }
  return { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, name: `synthetic ${count}`, measures }
}
