// The message syntax, defined once for translate() and the renderer (see message-format.ts).
import { describe, expect, it } from 'vitest'
import { formatMessage, parseMessage } from './message-format.ts'
import { translate } from './translate.ts'

const format = (source: string, params: Record<string, unknown> = {}) => formatMessage(parseMessage(source), (name) => params[name])

describe('message format', () => {
  it('fills {name} placeholders, spaces inside the braces allowed', () => {
    expect(format('{count} of {total}', { count: 3, total: 10 })).toBe('3 of 10')
    expect(format('in { days } days', { days: 2 })).toBe('in 2 days')
    expect(format('{a}{b}', { a: 'x', b: 0 })).toBe('x0')
  })

  it('leaves a placeholder without a value visible as {name}', () => {
    expect(format('Hello {name}')).toBe('Hello {name}')
    expect(format('Hello { name }', { name: undefined })).toBe('Hello {name}')
    expect(format('Hello {name}', { name: null })).toBe('Hello {name}')
    expect(format('Hello {name}', { name: '' })).toBe('Hello ')
  })

  it("reads {'text'} as literal text, the way to write a brace", () => {
    expect(format("a {'@'} b {'|'} c")).toBe('a @ b | c')
    expect(format("{'{'}count{'}'} is {count}", { count: 1 })).toBe('{count} is 1')
  })

  it('keeps any other brace as plain text', () => {
    expect(format('a { b', { b: 1 })).toBe('a { b')
    expect(format('a } b')).toBe('a } b')
    expect(format('{two words} {x-y}', { two: 1, x: 2 })).toBe('{two words} {x-y}')
  })

  it('parses into text runs and placeholders, literals joined to the text around them', () => {
    expect(parseMessage("a {x} b {'@'} c")).toEqual(['a ', { name: 'x' }, ' b @ c'])
    expect(parseMessage('plain')).toEqual(['plain'])
    expect(parseMessage('')).toEqual([])
  })
})

describe('translate', () => {
  it('reads messages with the shared syntax, in the language asked for, else English, else the key', () => {
    expect(translate('en', 'countdown.format', { days: 1, hours: 2, minutes: 3, seconds: 4 })).toBe('1d 2h 3m 4s')
    expect(translate('en', 'cli.asOf')).toBe('As of {at}')
    expect(translate('zh-Hans', 'no.such.key')).toBe('no.such.key')
  })

  it('takes only the parameters given, not names every object has', () => {
    expect(translate('en', 'cli.asOf', {})).toBe('As of {at}')
    expect(translate('en', 'no {constructor}', {})).toBe('no {constructor}')
  })
})
