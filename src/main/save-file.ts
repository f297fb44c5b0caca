// Saving a file the page produced (an .ics calendar, a CSV table, a report): the request has been
// checked in main against the shell's contract (src/shared/shell-api.ts: a bare file name with an
// extension the app writes, src/shared/file-name.ts; text up to 200 MB) — the page is trusted to
// ask, never to choose a path — then the native save dialog asks where, and the file is written
// atomically (a temporary file beside the target, flushed, then renamed over it), so a crash or a
// full disk never leaves half a file where the person's old one was.
import { randomBytes } from 'node:crypto'
import * as fsPromises from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron'
import type { SaveFileRequest } from '../shared/bridge.ts'
import { savedExtension, type SaveExtension } from '../shared/file-name.ts'
import type { Translate } from '../shared/i18n/translate.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import type { SavedFile } from '../shared/shell-api.ts'

/** The part of node:fs/promises the writer uses (a fake in tests). */
export type AtomicFs = Pick<typeof fsPromises, 'open' | 'rename' | 'rm'>

/**
 * Writes `data` to `path` through a temporary file in the same folder (so the rename cannot
 * cross file systems): the old file stays whole until the new one is complete on disk.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = fsPromises): Promise<void> {
  // Short and hidden, whatever the length of the target's name (255 bytes is the usual limit);
  // unguessable, so nobody can plant a symlink at it in advance.
  const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.measure-tracker.tmp`)
  let handle: fsPromises.FileHandle | undefined
  try {
    // Exclusive (never opens what is already there) and private while written, like every file
    // the program writes: the report or export holds the same data as the 0600 database.
    handle = await fs.open(temp, 'wx', 0o600)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
    throw error
  }
}

export type WriteFile = (path: string, data: string | Uint8Array) => Promise<void>

export interface SaveDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** The window the dialog belongs to (sheet on macOS, modal elsewhere); null: a free dialog. */
  parentWindow: () => BaseWindow | null
  /** Where the dialog opens: app.getPath('documents'); may throw on unusual systems. */
  documentsDir: () => string
  t: Translate
  /** writeFileAtomic in the app. */
  writeFile?: WriteFile
}

/** The save dialog's options: the suggested name in Documents, one filter for its kind. */
export function saveDialogOptions(
  filename: string,
  extension: SaveExtension,
  deps: Pick<SaveDialogDeps, 'documentsDir' | 't'>,
): SaveDialogOptions {
  let defaultPath = filename
  try {
    defaultPath = join(deps.documentsDir(), filename)
  } catch {
    // No Documents folder: the dialog opens where the system likes, with the name filled in.
  }
  return {
    title: deps.t(extension === 'pdf' ? 'main.savePdfTitle' : 'main.saveTitle'),
    defaultPath,
    filters: [{ name: deps.t(`main.fileType.${extension}`), extensions: [extension] }],
    // Linux asks before replacing only when told to; macOS and Windows always ask.
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/**
 * Asks where to save `filename` and writes `data` there. Resolves ok(null) when the person
 * cancels, ok({path}) when written, STORAGE when the file could not be written.
 */
export async function saveWithDialog(
  deps: SaveDialogDeps,
  filename: string,
  extension: SaveExtension,
  data: string | Uint8Array,
  overrides: Pick<SaveDialogOptions, 'title' | 'defaultPath'> = {},
): Promise<Result<SavedFile>> {
  const options = { ...saveDialogOptions(filename, extension, deps), ...overrides }
  let path: string
  try {
    const parent = deps.parentWindow()
    const answer = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options)
    if (answer.canceled || !answer.filePath) return ok(null)
    path = answer.filePath
  } catch (error) {
    return fail('INTERNAL', `The save dialog could not be shown: ${messageOf(error)}`)
  }
  try {
    await (deps.writeFile ?? ((target, bytes) => writeFileAtomic(target, bytes)))(path, data)
  } catch (error) {
    return fail('STORAGE', `Could not save ${basename(path)}: ${messageOf(error)}`, { path })
  }
  return ok({ path })
}

/** The page's saveFile request (already checked against its schema): the dialog, then the write. */
export function saveFileRequest(deps: SaveDialogDeps, request: SaveFileRequest): Promise<Result<SavedFile>> {
  return saveWithDialog(deps, request.filename, savedExtension(request.filename), request.content)
}

export function messageOf(error: unknown): string {
  return (error as Error | undefined)?.message ?? String(error)
}
