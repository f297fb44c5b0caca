import { describe, expect, it } from 'vitest'
import type { DueReminder } from '../../shared/api-views.ts'
import { LOCALES } from '../../shared/domain.ts'
import { MESSAGES } from '../../shared/i18n/translate.ts'
import { epochMs } from '../../shared/time.ts'
import { notificationText, reminderPhrase, summaryNotificationText, timeLeft } from './notification-text.ts'
import { reminderDueAtMs } from './schedule.ts'

const HOUR = 3_600_000
const AT = '2026-11-10T00:01:00-05:00[America/New_York]'
const transition = { kind: 'suspension_end' as const, at: AT, atMs: epochMs(AT), eventId: 'ev-1' }

function reminder(leadDays: number, overrides: Partial<DueReminder> = {}): DueReminder {
  return {
    key: `m1|suspension_end|${AT}|${leadDays}`,
    measureId: 'm1',
    title: { en: 'Affiliates rule', 'zh-Hant': '關聯方規則' },
    transition,
    leadDays,
    dueAtMs: reminderDueAtMs(transition, leadDays),
    missed: false,
    superseded: false,
    ...overrides,
  }
}

describe('notification text', () => {
  it('says what happens, how long is left, and when on the legal wall clock', () => {
    const r = reminder(7)
    expect(notificationText(r, 'en', r.dueAtMs)).toEqual({
      title: 'Suspension ends in 7 days',
      body: 'Affiliates rule — Nov 10, 2026, 00:01 EST',
    })
    const zh = notificationText(r, 'zh-Hant', r.dueAtMs)
    expect(zh.title).toBe('暫停期滿：7 天後')
    expect(zh.body).toContain('關聯方規則')
    expect(zh.body).toContain('2026')
    // No Simplified title: the English one.
    expect(notificationText(r, 'zh-Hans', r.dueAtMs).body).toContain('Affiliates rule')
  })

  it('counts 30 calendar days across the DST change, not 30 × 24 h', () => {
    const r = reminder(30)
    expect(transition.atMs - r.dueAtMs).toBe(30 * 24 * HOUR + HOUR)
    expect(notificationText(r, 'en', r.dueAtMs).title).toBe('Suspension ends in 30 days')
    expect(notificationText(r, 'en', r.dueAtMs + 4_000).title).toBe('Suspension ends in 30 days')
  })

  it('says how long is really left when shown late, and that it was missed', () => {
    const r = reminder(7, { missed: true })
    const text = notificationText(r, 'en', transition.atMs - 5 * 24 * HOUR)
    expect(text.title).toBe('Missed while closed: Suspension ends in 5 days')
    expect(notificationText(r, 'zh-Hans', transition.atMs - 5 * 24 * HOUR).title).toBe('应用关闭期间错过：暂停期满：5 天后')
  })

  it('switches to hours, minutes and "now" close to the transition', () => {
    expect(timeLeft(transition, transition.atMs - 30 * HOUR)).toEqual({ unit: 'days', count: 1 })
    expect(timeLeft(transition, transition.atMs - 23 * HOUR)).toEqual({ unit: 'days', count: 1 })
    expect(timeLeft(transition, transition.atMs - 5 * HOUR)).toEqual({ unit: 'hours', count: 5 })
    expect(timeLeft(transition, transition.atMs - 1 * HOUR)).toEqual({ unit: 'hours', count: 1 })
    expect(timeLeft(transition, transition.atMs - 10 * 60_000)).toEqual({ unit: 'minutes', count: 10 })
    expect(timeLeft(transition, transition.atMs + 60_000)).toEqual({ unit: 'now' })
    expect(reminderPhrase('effective', { unit: 'hours', count: 1 }, 'en')).toBe('Takes effect in 1 hour')
    expect(reminderPhrase('terminated', { unit: 'minutes', count: 2 }, 'en')).toBe('Terminated in 2 minutes')
    expect(reminderPhrase('suspension_end', { unit: 'now' }, 'zh-Hant')).toBe('暫停期滿：現在')
    expect(reminderPhrase('suspension_end', { unit: 'days', count: 1 }, 'en')).toBe('Suspension ends in 1 day')
  })

  it('sums many reminders up in one notification', () => {
    const many = [reminder(90, { missed: true }), reminder(30), reminder(7), reminder(1), reminder(0), reminder(2), reminder(3)]
    const text = summaryNotificationText(many, 'en', transition.atMs - 3 * 24 * HOUR, 5)
    expect(text.title).toBe('7 reminders, some missed while closed')
    expect(text.body.split('\n')).toHaveLength(6)
    expect(text.body).toContain('and 2 more')
    expect(summaryNotificationText(many.slice(1, 3), 'zh-Hant', transition.atMs - 3 * 24 * HOUR).title).toBe('2 個期限將至')
  })

  it('counts one in the singular', () => {
    expect(reminderPhrase('suspension_end', { unit: 'minutes', count: 1 }, 'en')).toBe('Suspension ends in 1 minute')
    expect(summaryNotificationText([reminder(7)], 'en', transition.atMs - 7 * 24 * HOUR).title).toBe('1 deadline ahead')
    expect(summaryNotificationText([reminder(7, { missed: true })], 'en', transition.atMs - 5 * 24 * HOUR).title).toBe(
      '1 reminder, missed while closed',
    )
    expect(summaryNotificationText([reminder(7)], 'zh-Hans', transition.atMs - 7 * 24 * HOUR).title).toBe('1 个期限将至')
  })

  it('has every reminder and calendar message in every language', () => {
    const shape = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' ? shape(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      )
    // Chinese has no singular form: `.one` keys are English-only.
    const en = shape({ reminder: MESSAGES.en.reminder, calendar: MESSAGES.en.calendar }).filter((key) => !key.endsWith('.one'))
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale] as unknown as { reminder: object; calendar: object }
      expect(shape({ reminder: messages.reminder, calendar: messages.calendar }).filter((key) => !key.endsWith('.one'))).toEqual(en)
    }
  })
})
