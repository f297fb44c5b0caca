// Saving a file the page produced (an .ics calendar, a CSV table, a report): the request is
// checked here in main — the page is trusted to ask, never to choose a path — then the native
// save dialog asks where, and the file is written atomically (a temporary file beside the
// target, flushed, then renamed over it), so a crash or a full disk never leaves half a file
// where the person's old one was.
import { randomBytes } from 'node:crypto'
import * as fsPromises from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron'
import type { Translate } from '../shared/i18n/translate.ts'
import { fail, ok, type Result } from '../shared/result.ts'

/** The kinds of file the app writes, by extension. */
export const SAVE_EXTENSIONS = ['ics', 'csv', 'json', 'md', 'html', 'pdf'] as const
export type SaveExtension = (typeof SAVE_EXTENSIONS)[number]

export const MAX_FILENAME_LENGTH = 200
/** The largest text the page may hand over to be saved (UTF-8 bytes). */
export const MAX_CONTENT_BYTES = 200 * 1024 * 1024
export const MAX_MIME_TYPE_LENGTH = 100

export interface SaveFileInput {
  filename: string
  mimeType: string
  content: string
}

type Checked<T> = { ok: true; value: T } | { ok: false; result: Result<never> }

const invalid = (message: string, path: string): Checked<never> => ({
  ok: false,
  result: fail('VALIDATION', message, { issues: [{ path: [path], message }] }),
})

/** Windows device names: "con.ics" opens the console, not a file, on every Windows version. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i
/**
 * Characters no file name here may hold: path separators, the ones Windows refuses, control
 * characters, and the Unicode bidirectional controls that make "report‮fdp.exe" read as
 * "reportexe.pdf".
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/

/**
 * A bare file name the app suggests in the save dialog: no folder, nothing that means something
 * else to the file system, and one of the extensions the app writes. Returns the extension.
 */
export function checkFilename(filename: unknown, allowed: readonly SaveExtension[] = SAVE_EXTENSIONS): Checked<SaveExtension> {
  if (typeof filename !== 'string') return invalid('The file name must be text.', 'filename')
  if (filename.length === 0 || filename.length > MAX_FILENAME_LENGTH) {
    return invalid(`The file name must have 1 to ${MAX_FILENAME_LENGTH} characters.`, 'filename')
  }
  if (FORBIDDEN_CHARACTERS.test(filename))
    return invalid('The file name must be a plain name, without a folder or special characters.', 'filename')
  if (filename.startsWith('.') || /[. ]$/.test(filename) || filename.trim() !== filename) {
    return invalid('The file name cannot start with a dot, or start or end with a space or end with a dot.', 'filename')
  }
  const extension = extname(filename).slice(1).toLowerCase()
  const stem = filename.slice(0, filename.length - extension.length - 1)
  if (!(allowed as readonly string[]).includes(extension) || stem.length === 0) {
    return invalid(`The file name must end in ${allowed.map((ext) => `.${ext}`).join(', ')}.`, 'filename')
  }
  if (WINDOWS_DEVICE.test(stem.split('.')[0] ?? '')) return invalid('The file name is reserved by the system.', 'filename')
  return { ok: true, value: extension as SaveExtension }
}

/** A MIME type as the service writes them: "text/calendar", "text/csv; charset=utf-8". */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=[a-z0-9_.-]+)*$/i

/** Text to write: a string of at most MAX_CONTENT_BYTES bytes of UTF-8. */
export function checkText(value: unknown, field: string, maxBytes = MAX_CONTENT_BYTES): Checked<string> {
  if (typeof value !== 'string') return invalid(`The ${field} must be text.`, field)
  // A UTF-16 code unit is at most 3 bytes of UTF-8: skip the exact count when it cannot matter.
  if (value.length > maxBytes || (value.length * 3 > maxBytes && Buffer.byteLength(value, 'utf8') > maxBytes)) {
    return invalid(`The ${field} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, field)
  }
  return { ok: true, value }
}

/** Exactly the listed keys, in a plain object (anything else is a page sending what it should not). */
export function checkRecord(input: unknown, keys: readonly string[]): Checked<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('The request must be an object.', '')
  const extra = Object.keys(input).filter((key) => !keys.includes(key))
  if (extra.length > 0) return invalid(`Unexpected field ${JSON.stringify(extra[0])}.`, extra[0]!)
  return { ok: true, value: input as Record<string, unknown> }
}

/** The whole save-file request, checked. */
export function checkSaveFileInput(input: unknown): Checked<SaveFileInput & { extension: SaveExtension }> {
  const record = checkRecord(input, ['filename', 'mimeType', 'content'])
  if (!record.ok) return record
  const { filename, mimeType, content } = record.value
  const extension = checkFilename(filename)
  if (!extension.ok) return extension
  if (typeof mimeType !== 'string' || mimeType.length > MAX_MIME_TYPE_LENGTH || !MIME_TYPE.test(mimeType)) {
    return invalid('The MIME type must look like "text/csv; charset=utf-8".', 'mimeType')
  }
  const text = checkText(content, 'content')
  if (!text.ok) return text
  return { ok: true, value: { filename: filename as string, mimeType, content: text.value, extension: extension.value } }
}

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
): Promise<Result<{ path: string } | null>> {
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

/** The IPC_SAVE_FILE request: checked, then the dialog, then the write. */
export async function saveFileRequest(deps: SaveDialogDeps, input: unknown): Promise<Result<{ path: string } | null>> {
  const checked = checkSaveFileInput(input)
  if (!checked.ok) return checked.result
  return saveWithDialog(deps, checked.value.filename, checked.value.extension, checked.value.content)
}

export function messageOf(error: unknown): string {
  return (error as Error | undefined)?.message ?? String(error)
}
