// The desktop shell's own functions (open a web link, save a file, print, save as PDF, choose the
// calendar's file, Settings → Updates) as one typed contract, like the API's (api.ts): name →
// channel → zod 4 input schema → output type. Electron main's dispatcher (src/main/ipc.ts) checks
// the sender, parses the input against the schema here — a failure is the same VALIDATION Result
// the service answers (validation-failure.ts) — and calls a handler typed from this table; the
// preload builds its named functions from the wire half (shell-channels.ts), so only the fields a
// schema names ever cross.
import { z } from 'zod'
import type { CalendarSubscription } from './api-views.ts'
import type { OpenedDataset } from './dataset-update.ts'
import { MAX_FILENAME_LENGTH, SAVE_EXTENSIONS, fileNameProblem, type SaveExtension } from './file-name.ts'
import { SHELL_FUNCTIONS, type ShellArgument, type ShellFunctionName, type ShellWire } from './shell-channels.ts'
import { teamDatabaseConnectSchema, type TeamDatabaseStatus } from './team-database.ts'
import { updatePreferencesSchema, type UpdateStatus } from './updates.ts'
import { fitsUtf8Bytes } from './utf8-size.ts'

/** The largest text the page may hand over to be saved (UTF-8 bytes). */
export const MAX_CONTENT_BYTES = 200 * 1024 * 1024
/** The largest document the page may hand over to print or save as PDF (UTF-8 bytes). */
export const MAX_HTML_BYTES = 200 * 1024 * 1024
export const MAX_MIME_TYPE_LENGTH = 100
/** The longest web link the shell opens (src/main/external-url.ts checks the rest). */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/** A request of named fields: exactly those, in a plain object (anything else is a page sending what it should not). */
function request<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unexpected field ${JSON.stringify(issue.keys[0])}.` : 'The request must be an object.',
  })
}

/** A bare file name the app suggests in the save dialog (file-name.ts). */
function fileName(allowed: readonly SaveExtension[]) {
  return z
    .string({ error: 'The file name must be text.' })
    .max(MAX_FILENAME_LENGTH, { error: `The file name must have 1 to ${MAX_FILENAME_LENGTH} characters.` })
    .superRefine((name, context) => {
      // Too long is said once, by max().
      const problem = name.length > MAX_FILENAME_LENGTH ? null : fileNameProblem(name, allowed)
      if (problem !== null) context.addIssue({ code: 'custom', message: problem })
    })
}

/** Text to write: a string of at most `maxBytes` bytes of UTF-8 (so at most that many characters too). */
function text(field: string, maxBytes: number) {
  const tooLarge = `The ${field} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`
  return z
    .string({ error: `The ${field} must be text.` })
    .max(maxBytes, { error: tooLarge })
    .refine((value) => value.length > maxBytes || fitsUtf8Bytes(value, maxBytes), { error: tooLarge })
}

/** A MIME type as the service writes them: "text/calendar", "text/csv; charset=utf-8". */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=[a-z0-9_.-]+)*$/i
const MIME_TYPE_MESSAGE = 'The MIME type must look like "text/csv; charset=utf-8".'
const mimeType = z
  .string({ error: MIME_TYPE_MESSAGE })
  .max(MAX_MIME_TYPE_LENGTH, { error: MIME_TYPE_MESSAGE })
  .refine((value) => value.length > MAX_MIME_TYPE_LENGTH || MIME_TYPE.test(value), { error: MIME_TYPE_MESSAGE })

const printFields = {
  html: text('html', MAX_HTML_BYTES),
  paper: z.enum(['A4', 'Letter'], { error: 'The paper must be "A4" or "Letter".' }),
  landscape: z.boolean({ error: 'landscape must be true or false.' }),
}

/** A function that takes nothing: the preload sends nothing, so anything at all is refused. */
const nothing = z.undefined({ error: 'This function takes no input.' })

/** What the schema of a function must accept, given what its wire entry lets cross. */
type WireValue<A extends ShellArgument> = A extends { kind: 'text' }
  ? string
  : A extends { kind: 'fields'; fields: readonly (infer F extends string)[] }
    ? { [K in F]: unknown }
    : undefined

type ShellSpec<N extends ShellFunctionName> = ShellWire & { input: z.ZodType<WireValue<(typeof SHELL_FUNCTIONS)[N]['argument']>> }

export const shellApi = {
  openExternal: {
    ...SHELL_FUNCTIONS.openExternal,
    input: z
      .string({ error: 'Only http and https links can be opened.' })
      .max(MAX_EXTERNAL_URL_LENGTH, { error: 'Only http and https links can be opened.' }),
  },
  saveFile: {
    ...SHELL_FUNCTIONS.saveFile,
    input: request({ filename: fileName(SAVE_EXTENSIONS), mimeType, content: text('content', MAX_CONTENT_BYTES) }),
  },
  printHtml: { ...SHELL_FUNCTIONS.printHtml, input: request(printFields) },
  saveHtmlAsPdf: { ...SHELL_FUNCTIONS.saveHtmlAsPdf, input: request({ ...printFields, filename: fileName(['pdf']) }) },
  chooseCalendarFile: { ...SHELL_FUNCTIONS.chooseCalendarFile, input: nothing },
  openDatasetFile: { ...SHELL_FUNCTIONS.openDatasetFile, input: nothing },
  'updates.status': { ...SHELL_FUNCTIONS['updates.status'], input: nothing },
  'updates.configure': { ...SHELL_FUNCTIONS['updates.configure'], input: updatePreferencesSchema },
  'updates.check': { ...SHELL_FUNCTIONS['updates.check'], input: nothing },
  'updates.download': { ...SHELL_FUNCTIONS['updates.download'], input: nothing },
  'updates.install': { ...SHELL_FUNCTIONS['updates.install'], input: nothing },
  'teamDatabase.status': { ...SHELL_FUNCTIONS['teamDatabase.status'], input: nothing },
  'teamDatabase.connect': { ...SHELL_FUNCTIONS['teamDatabase.connect'], input: teamDatabaseConnectSchema },
  'teamDatabase.disconnect': { ...SHELL_FUNCTIONS['teamDatabase.disconnect'], input: nothing },
} satisfies { [N in ShellFunctionName]: ShellSpec<N> }

/** Where a saved file went; null when the person cancelled the dialog. */
export type SavedFile = { path: string } | null

/** What each shell function answers (inside a Result). */
export interface ShellOutputs {
  openExternal: null
  saveFile: SavedFile
  printHtml: null
  saveHtmlAsPdf: SavedFile
  /** The subscription after the choice, or null when cancelled. */
  chooseCalendarFile: CalendarSubscription | null
  /** The dataset file the person chose (name and parsed contents), or null when cancelled. */
  openDatasetFile: OpenedDataset | null
  'updates.status': UpdateStatus
  'updates.configure': UpdateStatus
  'updates.check': UpdateStatus
  'updates.download': UpdateStatus
  /** The app quits and installs. */
  'updates.install': null
  'teamDatabase.status': TeamDatabaseStatus
  /** The status after saving (restarting: true when the app restarts on it). */
  'teamDatabase.connect': TeamDatabaseStatus
  'teamDatabase.disconnect': TeamDatabaseStatus
}

/** What a handler in main is given: the input as its schema parsed it. */
export type ShellInput<N extends ShellFunctionName> = z.output<(typeof shellApi)[N]['input']>
/** What the page passes to the bridge function. */
export type ShellRequest<N extends ShellFunctionName> = z.input<(typeof shellApi)[N]['input']>
export type ShellOutput<N extends ShellFunctionName> = ShellOutputs[N]
