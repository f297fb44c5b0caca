// Settings → Dataset → "Open dataset file…" in the desktop app (issue 16): the native open dialog
// asks which file, main reads it (bounded, as a feed's file is) and hands the page its parsed
// contents, which the page then gives to dataset.diff / dataset.apply like any other dataset.
// The page never sends a path: this channel takes no input.
import { readFile as readFileFs, stat as statFs } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron'
import type { Translate } from '../shared/i18n/translate.ts'
import { MAX_DATASET_FILE_BYTES, type OpenedDataset } from '../shared/dataset-update.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import { messageOf } from './save-file.ts'

export interface DatasetFileDeps {
  dialog: Pick<Dialog, 'showOpenDialog'>
  /** The window the dialog belongs to; null: a free dialog. */
  parentWindow: () => BaseWindow | null
  t: Translate
  /** node:fs/promises in the app; fakes in tests. */
  readFile?: (path: string) => Promise<Buffer>
  fileSize?: (path: string) => Promise<number>
}

export async function openDatasetFile(deps: DatasetFileDeps): Promise<Result<OpenedDataset | null>> {
  const options: OpenDialogOptions = {
    title: deps.t('main.datasetFileTitle'),
    filters: [{ name: deps.t('main.fileType.json'), extensions: ['json'] }],
    properties: ['openFile'],
  }
  let path: string
  try {
    const parent = deps.parentWindow()
    const answer = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options)
    if (answer.canceled || !answer.filePaths[0]) return ok(null)
    path = answer.filePaths[0]
  } catch (error) {
    return fail('INTERNAL', `The open dialog could not be shown: ${messageOf(error)}`)
  }
  const name = basename(path)
  let text: string
  try {
    // Checked before reading, so a huge file is never held in memory.
    const size = await (deps.fileSize ?? (async (p) => (await statFs(p)).size))(path)
    if (size > MAX_DATASET_FILE_BYTES)
      return fail('VALIDATION', `${name} is larger than ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB: not a dataset this app can review`)
    text = (await (deps.readFile ?? readFileFs)(path)).toString('utf8')
  } catch (error) {
    return fail('STORAGE', `Could not read ${name}: ${messageOf(error)}`)
  }
  try {
    return ok({ name, file: JSON.parse(text) as unknown })
  } catch {
    return fail('VALIDATION', `${name} is not a JSON file`)
  }
}
