import { beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../../test/helpers/temp-store.ts'
import type { Note } from '../shared/domain.ts'
import { cli } from '../../test/helpers/run-cli.ts'

const MEASURE = 'us-bis-affiliates-rule'
let db: string
beforeEach(() => {
  db = join(tempDir('mt-cli-note-'), 'm.db')
})

const listJson = async (id = MEASURE) => {
  const run = await cli('--db', db, 'note', 'list', id, '--json')
  expect(run.code, run.err).toBe(0)
  return JSON.parse(run.out) as Note[]
}

describe('note add', () => {
  it('adds a note and prints its id', async () => {
    const run = await cli('--db', db, 'note', 'add', MEASURE, 'Check the **BIS** FAQ')
    expect(run.code, run.err).toBe(0)
    expect(run.out).toMatch(/^note-[0-9a-f]{8}$/)
    const [note] = await listJson()
    expect(note).toMatchObject({ id: run.out, body: 'Check the **BIS** FAQ', pinned: false })
    expect(note?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('joins unquoted words into one note, and pins with --pinned', async () => {
    const run = await cli('--db', db, 'note', 'add', MEASURE, '--pinned', 'call', 'counsel', 'today')
    expect(run.code, run.err).toBe(0)
    expect((await listJson())[0]).toMatchObject({ id: run.out, body: 'call counsel today', pinned: true })
  })

  it('prints the whole note with --json', async () => {
    const run = await cli('--db', db, 'note', 'add', MEASURE, 'x', '--json')
    expect(run.code, run.err).toBe(0)
    expect(JSON.parse(run.out)).toMatchObject({ id: expect.stringMatching(/^note-/), body: 'x', pinned: false })
  })

  it('exits 2 for an unknown measure, an empty or missing text, or a missing id — and adds nothing', async () => {
    const cases = [
      ['note', 'add', 'no-such-measure', 'text'],
      ['note', 'add', MEASURE, ''],
      ['note', 'add', MEASURE, '   '],
      ['note', 'add', MEASURE],
      ['note', 'add'],
      ['note', 'add', MEASURE, 'x'.repeat(20_001)],
      ['note', 'frobnicate', MEASURE],
      ['note'],
      ['note', 'list'],
      ['note', 'list', 'no-such-measure'],
    ]
    for (const args of cases) {
      const run = await cli('--db', db, ...args)
      expect(run.code, args.join(' ').slice(0, 60)).toBe(2)
      expect(run.err).toMatch(/^measure-tracker: /)
    }
    expect(await listJson()).toEqual([])
  })
})

describe('note list', () => {
  it('lists pinned notes first, then newest first, as JSON', async () => {
    const first = (await cli('--db', db, 'note', 'add', MEASURE, 'first')).out
    const pinned = (await cli('--db', db, 'note', 'add', MEASURE, 'pinned', '--pinned')).out
    await new Promise((resolve) => setTimeout(resolve, 5))
    const last = (await cli('--db', db, 'note', 'add', MEASURE, 'last')).out
    expect((await listJson()).map((n) => n.id)).toEqual([pinned, last, first])
  })

  it('shows the created time, a pinned marker and the body as plain text', async () => {
    await cli(
      '--db',
      db,
      'note',
      'add',
      MEASURE,
      '**Bold** and [the rule](https://www.federalregister.gov/d/2025-1)\n- one\n- two',
      '--pinned',
    )
    const run = await cli('--db', db, '--tz', 'UTC', 'note', 'list', MEASURE)
    expect(run.code, run.err).toBe(0)
    const lines = run.out.split('\n')
    expect(lines[0]).toMatch(/^📌 pinned · .*\d{4}.*\d{2}:\d{2} UTC {2}\[note-[0-9a-f]{8}\]$/)
    expect(lines.slice(1)).toEqual(['    Bold and the rule (https://www.federalregister.gov/d/2025-1)', '', '    - one', '    - two'])
    expect(run.out).not.toContain('**')
  })

  it('speaks the chosen language', async () => {
    expect((await cli('--db', db, '--lang', 'zh-Hant', 'note', 'list', MEASURE)).out).toBe('沒有筆記。')
    await cli('--db', db, 'note', 'add', MEASURE, 'x', '--pinned')
    expect((await cli('--db', db, '--lang', 'zh-Hans', 'note', 'list', MEASURE)).out).toContain('已置顶')
  })

  it('never passes terminal control sequences or raw HTML tricks through', async () => {
    const hostile = 'Safe \u001b]0;pwned\u0007 \u001b[2J<script>alert(1)</script> [x](javascript:alert(1)) \u202eevil'
    expect((await cli('--db', db, 'note', 'add', MEASURE, hostile)).code).toBe(0)
    const run = await cli('--db', db, 'note', 'list', MEASURE)
    expect(run.code).toBe(0)
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(run.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(run.out).toContain('<script>alert(1)</script> [x](javascript:alert(1))')
    // JSON keeps the stored text, escaped by JSON itself.
    const [note] = await listJson()
    expect(note?.body).toBe(hostile)
  })
})
