import { describe, expect, it, beforeEach } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test/helpers/temp-store.ts'
import { STATUSES } from '../shared/domain.ts'
import dataset from '../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { cli } from '../../test/helpers/run-cli.ts'

let dir: string
let db: string
beforeEach(() => {
  dir = tempDir('mt-cli-')
  db = join(dir, 'm.db')
})

// Every measure of the embedded dataset: the list grows with the dataset (issue 10 added measures).
const SEED_IDS = dataset.measures.map((m) => m.id)

describe('status', () => {
  it('prints every seeded measure as JSON with the documented fields', async () => {
    const run = await cli('--db', db, 'status', '--json', '--at', '2026-11-09T17:00:00Z')
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.out) as Record<string, unknown>[]
    expect(rows.map((r) => r.id).sort()).toEqual([...SEED_IDS].sort())
    for (const row of rows) {
      expect(row).toMatchObject({
        title: { en: expect.any(String) },
        imposer: expect.stringMatching(/^[A-Z]{2}$/),
        target: expect.stringMatching(/^[A-Z]{2}$/),
      })
      expect(STATUSES).toContain(row.status)
      expect(typeof row.needsReview).toBe('boolean')
      if (row.next !== null) expect((row.next as { at: string }).at).toMatch(/^\d{4}-\d{2}-\d{2}T.*\[.+\]$/)
    }
    const affiliates = rows.find((r) => r.id === 'us-bis-affiliates-rule')
    expect(affiliates).toMatchObject({ status: 'suspended', next: { kind: 'suspension_end' } })
  })

  it('shows the seeded suspensions ended and needing review after 10 Nov 2026', async () => {
    const rows = JSON.parse((await cli('--db', db, 'status', '--json', '--at', '2026-11-26', '--tz', 'Asia/Shanghai')).out) as {
      id: string
      status: string
      needsReview: boolean
    }[]
    const affiliates = rows.find((r) => r.id === 'us-bis-affiliates-rule')
    expect(affiliates).toMatchObject({ status: 'in_force', needsReview: true })
  })

  it('prints a table in Chinese with --lang', async () => {
    const run = await cli('--db', db, '--lang', 'zh-Hant', 'status', '--at', '2026-11-09T17:00:00Z', '--tz', 'UTC')
    expect(run.code).toBe(0)
    expect(run.out).toContain('狀態')
    expect(run.out).toContain('暫停中')
    expect(run.out).toContain('us-bis-affiliates-rule')
  })

  it('exits 2 with a clear message for a bad instant, zone, language or command', async () => {
    for (const args of [
      ['status', '--at', '2026-13-45'],
      ['status', '--at', 'tomorrow'],
      ['--tz', 'Mars/Olympus', 'status'],
      ['--lang', 'fr', 'status'],
      ['frobnicate'],
      ['status', '--bogus'],
    ]) {
      const run = await cli('--db', db, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.err).toMatch(/^measure-tracker: /)
    }
  })
})

describe('show', () => {
  it('shows a measure with its legal-zone times and sources', async () => {
    const run = await cli('--db', db, 'show', 'us-bis-affiliates-rule', '--tz', 'Asia/Shanghai', '--at', '2026-11-01')
    expect(run.code).toBe(0)
    expect(run.out).toContain('[us-bis-affiliates-rule]')
    expect(run.out).toMatch(/EST|GMT-5/)
    expect(run.out).toMatch(/https:\/\//)
  })

  it('exits 2 for an unknown id', async () => {
    const run = await cli('--db', db, 'show', 'no-such-measure')
    expect(run.code).toBe(2)
    expect(run.err).toContain('no-such-measure')
  })
})

describe('export and import', () => {
  it('round-trips: export, import --replace into a fresh database, export again gives the same measures', async () => {
    const first = join(dir, 'first.json')
    expect((await cli('--db', db, 'export', '--format', 'json', '--out', first)).code).toBe(0)
    // Add a user note directly so notes are part of the round trip.
    const file = JSON.parse(readFileSync(first, 'utf8'))
    file.measures[0].notes.push({
      id: 'n1',
      body: 'Check **this**',
      pinned: true,
      createdAt: '2026-11-20T10:00:00Z',
      updatedAt: '2026-11-20T10:00:00Z',
    })
    writeFileSync(first, JSON.stringify(file))
    const fresh = join(dir, 'fresh.db')
    const imported = await cli('--db', fresh, 'import', first, '--replace')
    expect(imported.code, imported.err).toBe(0)
    const second = join(dir, 'second.json')
    expect((await cli('--db', fresh, 'export', '--out', second)).code).toBe(0)
    const a = JSON.parse(readFileSync(first, 'utf8'))
    const b = JSON.parse(readFileSync(second, 'utf8'))
    expect(b.measures).toEqual(a.measures)
  })

  it('treats existing ids as a conflict unless --replace, and --dry-run writes nothing', async () => {
    const file = join(dir, 'all.json')
    await cli('--db', db, 'export', '--out', file)
    const conflict = await cli('--db', db, 'import', file)
    expect(conflict.code).toBe(2)
    expect(conflict.err).toMatch(/already exist.*--replace/)
    const dry = await cli('--db', db, 'import', file, '--replace', '--dry-run', '--json')
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, created: [], replaced: expect.arrayContaining(SEED_IDS) })
  })

  const NY = '2025-11-10T00:01:00-05:00[America/New_York]'
  const measure = (id: string, extra: object = {}) => ({ id, title: { en: id }, imposer: 'US', target: 'CN', category: 'tariff', ...extra })
  const bad: [string, string | object, RegExp][] = [
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated', '{"format":"measure-tracker","version":1,"measures":[{"id":', /not valid JSON/],
    ['wrong version', { format: 'measure-tracker', version: 99, measures: [] }, /version/],
    [
      'invalid date',
      {
        format: 'measure-tracker',
        version: 1,
        measures: [measure('a', { events: [{ id: 'e', kind: 'effective', at: '2025-02-30T00:00:00-05:00[America/New_York]' }] })],
      },
      /measures\.0\.events\.0\.at|measures\[0\]\.events\[0\]\.at/,
    ],
    [
      'invalid zone',
      {
        format: 'measure-tracker',
        version: 1,
        measures: [measure('a', { events: [{ id: 'e', kind: 'effective', at: '2025-11-10T00:01:00-05:00[America/Gotham]' }] })],
      },
      /events\[0\]\.at/,
    ],
    ['unknown party', { format: 'measure-tracker', version: 1, measures: [measure('a', { imposer: 'XX' })] }, /measures\[0\]\.imposer/],
    ['duplicate id', { format: 'measure-tracker', version: 1, measures: [measure('a'), measure('a')] }, /duplicate id "a"/],
    [
      'dangling link',
      { format: 'measure-tracker', version: 1, measures: [measure('a', { links: [{ targetId: 'ghost' }] })] },
      /measures\[0\]\.links\[0\]\.targetId.*ghost/,
    ],
    [
      'end before start',
      {
        format: 'measure-tracker',
        version: 1,
        measures: [
          measure('a', { events: [{ id: 'e', kind: 'suspended', at: NY, until: '2025-11-05T00:00:00-05:00[America/New_York]' }] }),
        ],
      },
      /events\[0\]\.until: ends/,
    ],
    [
      'absurd size',
      { format: 'measure-tracker', version: 1, measures: [measure('a', { title: { en: 'x'.repeat(100_000) } })] },
      /measures\[0\]\.title\.en/,
    ],
  ]
  for (const [name, content, message] of bad) {
    it(`rejects a file with ${name}, naming the place, and changes nothing`, async () => {
      const before = join(dir, 'before.json')
      await cli('--db', db, 'export', '--out', before)
      const file = join(dir, 'bad.json')
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
      const run = await cli('--db', db, 'import', file, '--replace')
      expect(run.code).toBe(2)
      expect(run.err).toMatch(message)
      const after = join(dir, 'after.json')
      await cli('--db', db, 'export', '--out', after)
      expect(JSON.parse(readFileSync(after, 'utf8')).measures).toEqual(JSON.parse(readFileSync(before, 'utf8')).measures)
    })
  }
})

describe('as a process', () => {
  it('runs from the package bin with --help and exit code 0, and exits 2 on bad usage', () => {
    const help = spawnSync(process.execPath, ['bin/measure-tracker.js', '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: measure-tracker')
    const bad = spawnSync(process.execPath, ['src/cli/main.ts', '--db', db, 'status', '--at', 'nonsense'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('not an instant')
  })

  it('strips terminal control sequences from stored text', async () => {
    const file = join(dir, 'evil.json')
    writeFileSync(
      file,
      JSON.stringify({
        format: 'measure-tracker',
        version: 1,
        measures: [
          { id: 'evil', title: { en: 'Evil \u001b]0;pwned\u0007 \u001b[2J title' }, imposer: 'US', target: 'CN', category: 'other' },
        ],
      }),
    )
    expect((await cli('--db', db, 'import', file)).code).toBe(0)
    const run = await cli('--db', db, 'show', 'evil')
    expect(run.out).toContain('Evil')
    expect(run.out).not.toContain('\u001b')
    expect(run.out).not.toContain('\u0007')
  })
})
