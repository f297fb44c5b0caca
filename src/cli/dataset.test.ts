// `dataset status | diff | apply | undo` through the command line: a database seeded from the
// embedded dataset, a user edit, and the next dataset version (test/fixtures/dataset-update.ts) with
// a new measure, a corrected date and a title the user also changed.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { CONFLICT, CORRECTED, NEW_MEASURE_ID, datasetNextVersion, embeddedDataset } from '../../test/fixtures/dataset-update.ts'
import { cli } from '../../test/helpers/run-cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'

let dir: string
let db: string
let nextFile: string
const next = datasetNextVersion()
const installed = embeddedDataset().dataset ?? { id: 'us-cn-truce-2025', version: 1 }
const from = `${installed.id} v${installed.version}`
const to = `${installed.id} v${installed.version + 1}`

/** The whole database as export writes it, without the export's own time. */
async function exportJson(): Promise<string> {
  const run = await cli('--db', db, 'export', '--format', 'json')
  expect(run.code).toBe(0)
  const { exportedAt: _at, ...file } = JSON.parse(run.out) as Record<string, unknown>
  return JSON.stringify(file, null, 1)
}

/** The user's own edit, through the command line: export, change the title, import --replace (the whole file: links must point into it). */
async function userRetitles(id: string, title: string): Promise<void> {
  const file = JSON.parse(await exportJson()) as { measures: { id: string; title: Record<string, string> }[] }
  const measure = file.measures.find((m) => m.id === id)
  if (!measure) throw new Error(`no ${id}`)
  measure.title.en = title
  const edited = join(dir, 'edited.json')
  writeFileSync(edited, JSON.stringify(file))
  const run = await cli('--db', db, 'import', edited, '--replace')
  expect(run.code, run.err).toBe(0)
}

async function measure(id: string): Promise<{ title: Record<string, string>; events: { id: string; at: string }[] }> {
  const run = await cli('--db', db, 'show', id, '--json')
  expect(run.code, run.err).toBe(0)
  return JSON.parse(run.out) as { title: Record<string, string>; events: { id: string; at: string }[] }
}

beforeEach(async () => {
  dir = tempDir('mt-dataset-')
  db = join(dir, 'm.db')
  nextFile = join(dir, 'next.json')
  writeFileSync(nextFile, JSON.stringify(next))
  expect((await cli('--db', db, 'status')).code).toBe(0) // creates and seeds the database
})

describe('dataset command', () => {
  it('status names the dataset the database was seeded from', async () => {
    const run = await cli('--db', db, 'dataset', 'status')
    expect(run.code, run.err).toBe(0)
    expect(run.out).toContain(from)
  })

  it('diff shows the new measure, the corrected date and the conflict with the user’s title, and changes nothing', async () => {
    await userRetitles(CONFLICT.measureId, CONFLICT.userTitle)
    const before = await exportJson()
    const run = await cli('--db', db, 'dataset', 'diff', nextFile)
    expect(run.code, run.err).toBe(0)
    expect(run.out).toContain(`${from} → ${to}`)
    expect(run.out).toContain(`+ ${NEW_MEASURE_ID}  new measure`)
    expect(run.out).toMatch(new RegExp(`~ ${CORRECTED.measureId}  changed\\n.*${CORRECTED.eventId} › at: .* → "${escape(CORRECTED.at)}"`))
    expect(run.out).toContain(`! ${CONFLICT.measureId}`)
    expect(run.out).toContain(`yours: "${CONFLICT.userTitle}"`)
    expect(run.out).toContain(`dataset: "${CONFLICT.datasetTitle}"`)
    expect(await exportJson()).toBe(before)

    const json = await cli('--db', db, 'dataset', 'diff', nextFile, '--json')
    const diff = JSON.parse(json.out) as { updates: { id: string; kind: string; conflicts: { path: string }[] }[] }
    expect(diff.updates.map((u) => [u.id, u.kind, u.conflicts.map((c) => c.path)])).toEqual(
      expect.arrayContaining([
        [NEW_MEASURE_ID, 'new', []],
        [CORRECTED.measureId, 'changed', []],
        [CONFLICT.measureId, 'changed', ['title.en']],
      ]),
    )
  })

  it('apply --measure updates only the measures named, keeps the user’s title, and undo restores the database exactly', async () => {
    await userRetitles(CONFLICT.measureId, CONFLICT.userTitle)
    const before = await exportJson()
    const run = await cli('--db', db, 'dataset', 'apply', nextFile, '--measure', CORRECTED.measureId, '--measure', CONFLICT.measureId)
    expect(run.code, run.err).toBe(0)
    expect(run.out).toContain(`${from} → ${to}`)
    expect((await measure(CORRECTED.measureId)).events.find((e) => e.id === CORRECTED.eventId)?.at).toBe(CORRECTED.at)
    expect((await measure(CONFLICT.measureId)).title.en).toBe(CONFLICT.userTitle)
    expect((await cli('--db', db, 'show', NEW_MEASURE_ID)).code).toBe(2) // not selected, not added
    expect((await cli('--db', db, 'dataset', 'status')).out).toContain(to)

    const undo = await cli('--db', db, 'dataset', 'undo')
    expect(undo.code, undo.err).toBe(0)
    expect(await exportJson()).toBe(before)
    expect((await cli('--db', db, 'dataset', 'status')).out).toContain(from)
  })

  it('apply without --measure takes every measure; applying the same file again finds nothing to do', async () => {
    expect((await cli('--db', db, 'dataset', 'apply', nextFile)).code).toBe(0)
    expect((await measure(NEW_MEASURE_ID)).title.en).toBe('Fixture measure new in the next dataset')
    const again = await cli('--db', db, 'dataset', 'diff', nextFile)
    expect(again.code).toBe(0)
    expect(again.out).toContain('Nothing to update')
  })

  it('uses the usual exit codes: 2 for bad usage or an unreadable file, 0 with the help text', async () => {
    const before = await exportJson()
    const missing = await cli('--db', db, 'dataset', 'diff', join(dir, 'missing.json'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('Cannot read')
    expect((await cli('--db', db, 'dataset', 'diff')).code).toBe(2)
    expect((await cli('--db', db, 'dataset', 'frobnicate')).code).toBe(2)
    expect((await cli('--db', db, 'dataset', 'status', '--measure', 'x')).code).toBe(2)
    const notJson = join(dir, 'broken.json')
    writeFileSync(notJson, '{"format":')
    expect((await cli('--db', db, 'dataset', 'apply', notJson)).code).toBe(2)
    expect(await exportJson()).toBe(before)

    const real = spawnSync(process.execPath, ['src/cli/main.ts', '--db', db, 'dataset', 'diff', nextFile], { encoding: 'utf8' })
    expect(real.status, real.stderr).toBe(0)
    expect(real.stdout).toContain(`+ ${NEW_MEASURE_ID}`)
    const undoNothing = spawnSync(process.execPath, ['src/cli/main.ts', '--db', db, 'dataset', 'undo'], { encoding: 'utf8' })
    expect(undoNothing.status).toBe(2)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
