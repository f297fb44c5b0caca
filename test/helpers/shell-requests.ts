// A request each shell function accepts (src/shared/shell-api.ts), and what its schema says about
// the texts it takes. The table-driven tests of the dispatcher (src/main/ipc.test.ts), the preload
// (src/preload/bridge.test.ts) and the contract (src/shared/shell-api.test.ts) start from these; the
// type makes a function added to the table without a request here fail to compile.
import { z } from 'zod'
import { shellApi, type ShellRequest } from '../../src/shared/shell-api.ts'
import { SHELL_FUNCTION_NAMES, SHELL_FUNCTIONS, type ShellFunctionName } from '../../src/shared/shell-channels.ts'

export const VALID_SHELL_REQUESTS: { [N in ShellFunctionName]: ShellRequest<N> } = {
  openExternal: 'https://example.com/notice',
  saveFile: { filename: 'all.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
  printHtml: { html: '<!doctype html><p>Status report</p>', paper: 'A4', landscape: true },
  saveHtmlAsPdf: { html: '<!doctype html><p>Status report</p>', paper: 'Letter', landscape: false, filename: 'measure-report.pdf' },
  chooseCalendarFile: undefined,
  openDatasetFile: undefined,
  'updates.status': undefined,
  'updates.configure': { checkAutomatically: true },
  'updates.check': undefined,
  'updates.download': undefined,
  'updates.install': undefined,
  'teamDatabase.status': undefined,
  'teamDatabase.connect': { url: 'postgres://alice@db.example.org:5432/measures', password: 'correct horse', remember: true },
  'teamDatabase.disconnect': undefined,
}

/** Every shell function with its request, in table order. */
export const SHELL_CASES = SHELL_FUNCTION_NAMES.map((name) => [name, VALID_SHELL_REQUESTS[name]] as const)

/** The fields of a function that takes a record ([] for one that takes text or nothing). */
export function fieldsOf(name: ShellFunctionName): readonly string[] {
  const { argument } = SHELL_FUNCTIONS[name]
  return argument.kind === 'fields' ? argument.fields : []
}

/**
 * Where a function takes text, and the most characters each place accepts: the argument itself
 * (path []) for a text function, each text field of a record. Every text place must have a limit.
 */
export function textPlaces(name: ShellFunctionName): { path: string[]; maxLength: number | null }[] {
  const schema: z.ZodType = shellApi[name].input
  if (schema instanceof z.ZodString) return [{ path: [], maxLength: schema.maxLength }]
  if (!(schema instanceof z.ZodObject)) return []
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => field instanceof z.ZodString)
    .map(([key, field]) => ({ path: [key], maxLength: (field as z.ZodString).maxLength }))
}

/** `request` with `value` at `path` ([] replaces the whole request). */
export function withValueAt(request: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value
  return { ...(request as Record<string, unknown>), [path[0]!]: value }
}

const longTexts = new Map<number, string>()
/** A text of `length` characters (kept: a 200 MB string is made once per run). */
export function textOfLength(length: number): string {
  let text = longTexts.get(length)
  if (text === undefined) longTexts.set(length, (text = 'a'.repeat(length)))
  return text
}

/** The IPC channel of a shell function. */
export const channelOf = (name: ShellFunctionName): string => SHELL_FUNCTIONS[name].channel
/** Settings → Updates: the functions of the updates group. */
export const UPDATE_NAMES = SHELL_FUNCTION_NAMES.filter((name) => name.startsWith('updates.'))
