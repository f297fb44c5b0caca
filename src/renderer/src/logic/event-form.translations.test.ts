import { describe, expect, it } from 'vitest'
import { buildEventInput, newEventForm } from './event-form.ts'

const start = { date: '2025-11-10', time: '13:01', zone: 'Asia/Shanghai' }

describe('record-event form: the note in Chinese', () => {
  it('sends the Chinese a person typed, each script on its own, and nothing when none was typed', () => {
    const form = { ...newEventForm('effective', start), note: 'Suspended.', noteZhHans: ' 暂停实施。 ' }
    expect(buildEventInput(form).input?.translations).toEqual({ note: { 'zh-Hans': '暂停实施。' } })
    expect(buildEventInput({ ...form, noteZhHant: '暫停實施。' }).input?.translations).toEqual({
      note: { 'zh-Hant': '暫停實施。', 'zh-Hans': '暂停实施。' },
    })
    expect(buildEventInput({ ...form, noteZhHans: '  ' }).input).not.toHaveProperty('translations')
  })
})
