// The shell's contract: one schema per wire entry, each accepting exactly the fields the preload
// lets cross, every text with a limit; and the request rules the desktop checked by hand before
// (src/main/save-file.ts, src/main/print.ts), case for case, now as the table's schemas.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SHELL_CASES, VALID_SHELL_REQUESTS, textPlaces } from '../../test/helpers/shell-requests.ts'
import { IPC_PREFIX, IPC_PUSH_CHANNEL } from './bridge.ts'
import { ok, type Result } from './result.ts'
import { MAX_CONTENT_BYTES, MAX_HTML_BYTES, shellApi } from './shell-api.ts'
import { SHELL_FUNCTIONS, SHELL_FUNCTION_NAMES, type ShellFunctionName } from './shell-channels.ts'
import { validationFailure } from './validation-failure.ts'

/** What main's dispatcher answers for `input`, before any handler runs. */
function check(name: ShellFunctionName, input: unknown): Result<unknown> {
  const parsed = (shellApi[name].input as z.ZodType).safeParse(input)
  return parsed.success ? ok(parsed.data) : validationFailure(parsed.error)
}

describe('the shell table', () => {
  it('has one schema per wire entry, on the entry’s own channel', () => {
    expect(Object.keys(shellApi)).toEqual(Object.keys(SHELL_FUNCTIONS))
    for (const name of SHELL_FUNCTION_NAMES) expect(shellApi[name].channel).toBe(SHELL_FUNCTIONS[name].channel)
  })

  it('gives every function a channel of its own, apart from the API’s and the push channel', () => {
    const channels = SHELL_FUNCTION_NAMES.map((name) => SHELL_FUNCTIONS[name].channel)
    expect(new Set(channels).size).toBe(channels.length)
    for (const channel of channels) {
      expect(channel.startsWith(IPC_PREFIX)).toBe(false)
      expect(channel).not.toBe(IPC_PUSH_CHANNEL)
    }
  })

  it.each(SHELL_CASES)('%s: the schema takes exactly what the preload sends', (name, request) => {
    const schema: z.ZodType = shellApi[name].input
    const { argument } = SHELL_FUNCTIONS[name]
    if (argument.kind === 'fields') {
      expect(schema).toBeInstanceOf(z.ZodObject)
      expect(Object.keys((schema as z.ZodObject).shape).sort()).toEqual([...argument.fields].sort())
    } else if (argument.kind === 'text') expect(schema).toBeInstanceOf(z.ZodString)
    else expect(check(name, undefined)).toEqual(ok(undefined))
    expect(check(name, request)).toEqual(ok(request))
  })

  it.each(SHELL_CASES)('%s: every text it takes has a limit', (name) => {
    for (const place of textPlaces(name)) expect(place.maxLength, `${name} ${place.path.join('.')}`).toEqual(expect.any(Number))
  })
})

describe('saveFile', () => {
  const good = VALID_SHELL_REQUESTS.saveFile

  it('accepts what the service produces', () => {
    expect(check('saveFile', good)).toEqual({ ok: true, value: good })
    expect(check('saveFile', { filename: 'r.csv', mimeType: 'text/csv; charset=utf-8', content: '\ufeffa,b\n' })).toMatchObject({
      ok: true,
    })
    expect(check('saveFile', { ...good, content: '' })).toMatchObject({ ok: true })
  })

  it.each([
    ['not an object', 'all.ics'],
    ['null', null],
    ['an array', [good]],
    ['an unknown field', { ...good, path: '/etc/passwd' }],
    ['a missing file name', { mimeType: 'text/calendar', content: '' }],
    ['a bad file name', { ...good, filename: '../all.ics' }],
    ['a missing MIME type', { filename: 'all.ics', content: '' }],
    ['a MIME type that is not one', { ...good, mimeType: 'calendar' }],
    ['a MIME type with a newline', { ...good, mimeType: 'text/calendar\nX-Evil: 1' }],
    ['a long MIME type', { ...good, mimeType: `text/${'a'.repeat(100)}` }],
    ['content that is not text', { ...good, content: { length: 3 } }],
    ['content as bytes', { ...good, content: [66, 69] }],
  ])('refuses %s', (_why, input) => {
    expect(check('saveFile', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it.each([42, null, undefined, ['a.csv'], { toString: () => 'a.csv' }])('refuses a file name that is not text: %s', (filename) => {
    expect(check('saveFile', { ...good, filename })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: ['filename'], message: 'The file name must be text.' }] } },
    })
  })

  it('refuses content over 200 MB, counted in UTF-8 bytes', () => {
    expect(check('saveFile', { ...good, content: 'a'.repeat(MAX_CONTENT_BYTES + 1) })).toMatchObject({ ok: false })
    expect(check('saveFile', { ...good, content: 'a'.repeat(MAX_CONTENT_BYTES) })).toMatchObject({ ok: true })
    // 70 M characters of three bytes each: 210 MB.
    expect(check('saveFile', { ...good, content: '措'.repeat(70 * 1024 * 1024) })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'content: The content is larger than 200 MB.',
        details: { issues: [{ path: ['content'], message: 'The content is larger than 200 MB.' }] },
      },
    })
  })

  it('says one thing once: an overlong name is "1 to 200 characters", not that and more', () => {
    expect(check('saveFile', { ...good, filename: `${'a'.repeat(197)}.csv` })).toMatchObject({
      error: { details: { issues: [{ path: ['filename'], message: 'The file name must have 1 to 200 characters.' }] } },
    })
  })
})

describe('printHtml / saveHtmlAsPdf', () => {
  const good = { html: '<!doctype html><h1>Status report</h1>', paper: 'A4', landscape: true }

  it('accept a report to print and a report to save as PDF', () => {
    expect(check('printHtml', good)).toEqual({ ok: true, value: good })
    expect(check('printHtml', { ...good, paper: 'Letter', landscape: false })).toMatchObject({ ok: true })
    expect(check('saveHtmlAsPdf', { ...good, filename: 'measure-report-2026-11-09.pdf' })).toEqual({
      ok: true,
      value: { ...good, filename: 'measure-report-2026-11-09.pdf' },
    })
  })

  it.each([
    ['no html', { paper: 'A4', landscape: true }],
    ['html that is not text', { ...good, html: ['<p>'] }],
    ['another paper', { ...good, paper: 'A3' }],
    ['paper in lower case', { ...good, paper: 'a4' }],
    ['landscape as text', { ...good, landscape: 'true' }],
    ['an unknown field', { ...good, url: 'https://evil.example/' }],
    ['a string', good.html],
    ['null', null],
  ])('refuse %s', (_why, input) => {
    expect(check('printHtml', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuse html over the size limit', () => {
    expect(check('printHtml', { ...good, html: 'a'.repeat(MAX_HTML_BYTES + 1) })).toMatchObject({ ok: false })
  })

  it.each([
    ['no file name', { ...good }],
    ['a path', { ...good, filename: '../r.pdf' }],
    ['another extension', { ...good, filename: 'r.html' }],
    ['a Windows device', { ...good, filename: 'aux.pdf' }],
  ])('refuse a PDF request with %s', (_why, input) => {
    expect(check('saveHtmlAsPdf', input)).toMatchObject({ ok: false })
  })
})

describe('the functions that take nothing', () => {
  it.each(SHELL_CASES.filter(([name]) => SHELL_FUNCTIONS[name].argument.kind === 'none'))('%s refuses anything at all', (name) => {
    for (const input of [{}, null, '', 0, { path: '/etc/passwd' }])
      expect(check(name, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
