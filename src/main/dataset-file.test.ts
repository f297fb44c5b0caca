// Settings → Dataset → Open dataset file… in Electron main: the open dialog (a fake) picks a file,
// main reads it from disk (real temporary files) and answers its name and parsed contents — or
// null when cancelled, or a clear refusal for a file too large or not JSON, read no further.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog, OpenDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_DATASET_FILE_BYTES } from '../shared/dataset-update.ts'
import { translator } from '../shared/i18n/translate.ts'
import { openDatasetFile } from './dataset-file.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mt-dataset-file-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function deps(answer: { canceled: boolean; filePaths: string[] }, extra: { fileSize?: (path: string) => Promise<number> } = {}) {
  const showOpenDialog = vi.fn(async (..._args: unknown[]) => answer)
  const readFile = vi.fn(async (path: string) => (await import('node:fs/promises')).readFile(path))
  return {
    showOpenDialog,
    readFile,
    deps: {
      dialog: { showOpenDialog } as unknown as Pick<Dialog, 'showOpenDialog'>,
      parentWindow: () => null,
      t: translator('en'),
      readFile,
      ...extra,
    },
  }
}

describe('openDatasetFile', () => {
  it('answers the chosen file’s name and parsed contents; the dialog offers JSON files', async () => {
    const path = join(dir, 'us-cn-truce-2025-v4.json')
    writeFileSync(path, JSON.stringify({ dataset: { id: 'us-cn-truce-2025', version: 4 }, measures: [] }))
    const { deps: d, showOpenDialog } = deps({ canceled: false, filePaths: [path] })
    expect(await openDatasetFile(d)).toEqual({
      ok: true,
      value: { name: 'us-cn-truce-2025-v4.json', file: { dataset: { id: 'us-cn-truce-2025', version: 4 }, measures: [] } },
    })
    const options = showOpenDialog.mock.calls[0]![0] as OpenDialogOptions
    expect(options).toMatchObject({ title: 'Open a Dataset File', filters: [{ extensions: ['json'] }], properties: ['openFile'] })
  })

  it('answers null when the person cancels', async () => {
    expect(await openDatasetFile(deps({ canceled: true, filePaths: [] }).deps)).toEqual({ ok: true, value: null })
  })

  it('refuses a file that is not JSON, and one over the limit without reading it', async () => {
    const path = join(dir, 'notes.json')
    writeFileSync(path, 'not json')
    expect(await openDatasetFile(deps({ canceled: false, filePaths: [path] }).deps)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'notes.json is not a JSON file' },
    })
    const huge = deps({ canceled: false, filePaths: [path] }, { fileSize: async () => MAX_DATASET_FILE_BYTES + 1 })
    expect(await openDatasetFile(huge.deps)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /larger than 200 MB/ } })
    expect(huge.readFile).not.toHaveBeenCalled()
  })
})
