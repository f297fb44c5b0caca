import { describe, expect, it } from 'vitest'
import { zoneName } from './zone-name.ts'

describe('zoneName', () => {
  it('names a zone in the app language, all year round', () => {
    expect(zoneName('America/New_York', 'en')).toBe('Eastern Time')
    expect(zoneName('America/New_York', 'zh-Hant')).toBe('東部時間')
    expect(zoneName('America/New_York', 'zh-Hans')).toBe('北美东部时间')
    expect(zoneName('Asia/Shanghai', 'zh-Hans')).toBe('中国标准时间')
  })

  it('gives UTC its name, not an offset or "[UTC]"', () => {
    expect(zoneName('UTC', 'en')).toBe('Coordinated Universal Time')
    expect(zoneName('UTC', 'zh-Hant')).toBe('世界標準時間')
    expect(zoneName('UTC', 'zh-Hans')).toBe('协调世界时')
  })

  it('keeps an offset where CLDR has no name, and an unknown zone as given', () => {
    expect(zoneName('Etc/GMT+5', 'en')).toBe('GMT-05:00')
    expect(zoneName('Mars/Olympus_Mons', 'en')).toBe('Mars/Olympus_Mons')
  })
})
