import { describe, expect, it } from 'vitest'
import {
  dateFieldsFromText,
  dateLayout,
  isoFromDateFields,
  isoFromTimeFields,
  monthNames,
  timeFieldsFromText,
  zoneOptionsNamed,
} from './date-segments.ts'

const label = (name: string, zone: string) => `${name} (${zone})`

describe('date parts in the app language', () => {
  it('lays out Chinese dates as 年 月 日 and English ones month first', () => {
    expect(dateLayout('zh-Hant')).toEqual([
      { part: 'year' },
      { literal: '年' },
      { part: 'month' },
      { literal: '月' },
      { part: 'day' },
      { literal: '日' },
    ])
    expect(dateLayout('zh-Hans')).toEqual(dateLayout('zh-Hant'))
    expect(dateLayout('en')).toEqual([{ part: 'month' }, { part: 'day' }, { literal: ',' }, { part: 'year' }])
    expect(monthNames('zh-Hant')[10]).toBe('11')
    expect(monthNames('en')[10]).toBe('November')
  })

  it('names a date only when it exists', () => {
    expect(isoFromDateFields({ year: '2026', month: '11', day: '10' })).toBe('2026-11-10')
    expect(isoFromDateFields({ year: '2026', month: '2', day: '29' })).toBe('')
    expect(isoFromDateFields({ year: '2028', month: '2', day: '29' })).toBe('2028-02-29')
    expect(isoFromDateFields({ year: '26', month: '11', day: '10' })).toBe('')
    expect(isoFromDateFields({ year: '2026', month: '', day: '10' })).toBe('')
  })

  it('spreads a whole date typed or pasted into one part, year first only', () => {
    for (const text of ['2026-11-10', '2026/11/10', '2026.11.10', '2026年11月10日', ' 2026 年 11 月 10 日 ']) {
      expect(dateFieldsFromText(text)).toEqual({ year: '2026', month: '11', day: '10' })
    }
    expect(dateFieldsFromText('11/10/2026')).toBeNull()
    expect(dateFieldsFromText('2026-02-30')).toBeNull()
    expect(dateFieldsFromText('2026')).toBeNull()
  })

  it('reads times on a 24-hour clock', () => {
    expect(isoFromTimeFields({ hour: '0', minute: '1' })).toBe('00:01')
    expect(isoFromTimeFields({ hour: '23', minute: '59' })).toBe('23:59')
    expect(isoFromTimeFields({ hour: '24', minute: '00' })).toBe('')
    expect(isoFromTimeFields({ hour: '12', minute: '60' })).toBe('')
    expect(timeFieldsFromText('13:05')).toEqual({ hour: '13', minute: '05' })
    expect(timeFieldsFromText('0時1分')).toEqual({ hour: '0', minute: '01' })
    expect(timeFieldsFromText('25:00')).toBeNull()
  })
})

describe('zone options', () => {
  it('offers UTC first, then zones by their name in the app language, and keeps an unlisted current zone', () => {
    const en = zoneOptionsNamed('UTC', 'en', label)
    expect(en[0]).toEqual({ zone: 'UTC', label: 'Coordinated Universal Time (UTC)' })
    expect(en.find((o) => o.zone === 'America/New_York')?.label).toBe('Eastern Time (America/New_York)')
    const names = en.slice(1).map((o) => o.label)
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare))
    expect(zoneOptionsNamed('UTC', 'zh-Hant', label).find((o) => o.zone === 'Asia/Shanghai')?.label).toBe('中國標準時間 (Asia/Shanghai)')
    expect(zoneOptionsNamed('Etc/GMT+5', 'en', label)[0]).toEqual({ zone: 'Etc/GMT+5', label: 'GMT-05:00 (Etc/GMT+5)' })
    expect(en.some((o) => o.label.includes('[UTC]'))).toBe(false)
  })
})
