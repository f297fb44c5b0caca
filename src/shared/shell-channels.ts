// The desktop shell's own functions as they cross Electron IPC: name → channel → what of the
// page's argument crosses. This is the wire half of the shell's contract (shell-api.ts adds each
// function's zod input schema and output type, and requires one entry there per name here). It is
// kept free of zod so the sandboxed preload can bundle it: a sandboxed preload can require nothing
// but 'electron', and zod is left external by the build (as exposed-methods.ts is for the API).
//
// A name with a dot ("updates.check") is a function of a group on the bridge (bridge.updates.check).

/** What of the bridge function's argument is sent to main. */
export type ShellArgument =
  /** Nothing: whatever the page passes stays behind (main asks for what it needs itself). */
  | { readonly kind: 'none' }
  /** The one argument, as text. */
  | { readonly kind: 'text' }
  /** The named fields of the argument, each a plain value (string, number or boolean), nothing else. */
  | { readonly kind: 'fields'; readonly fields: readonly string[] }

export interface ShellWire {
  readonly channel: string
  readonly argument: ShellArgument
}

const NOTHING = { kind: 'none' } as const
const fields = <const F extends readonly string[]>(...names: F) => ({ kind: 'fields', fields: names }) as const

export const SHELL_FUNCTIONS = {
  /** Opens an http(s) link in the system browser. */
  openExternal: { channel: 'mt-open-external', argument: { kind: 'text' } },
  /** Asks where to save (native dialog) and writes the text there. */
  saveFile: { channel: 'mt-save-file', argument: fields('filename', 'mimeType', 'content') },
  /** Prints a self-contained HTML document through the system print dialog. */
  printHtml: { channel: 'mt-print-html', argument: fields('html', 'paper', 'landscape') },
  /** Renders a self-contained HTML document to PDF and saves it where the person chooses. */
  saveHtmlAsPdf: { channel: 'mt-save-pdf', argument: fields('html', 'paper', 'landscape', 'filename') },
  /** Settings → Calendar → Choose file…: main shows the dialog; the page never names a path. */
  chooseCalendarFile: { channel: 'mt-choose-calendar-file', argument: NOTHING },
  /** Settings → Dataset → Open dataset file…: main shows the open dialog and answers the file's contents; the page never names a path. */
  openDatasetFile: { channel: 'mt-open-dataset-file', argument: NOTHING },
  'updates.status': { channel: 'mt-updates-status', argument: NOTHING },
  'updates.configure': { channel: 'mt-updates-configure', argument: fields('checkAutomatically') },
  'updates.check': { channel: 'mt-updates-check', argument: NOTHING },
  'updates.download': { channel: 'mt-updates-download', argument: NOTHING },
  'updates.install': { channel: 'mt-updates-install', argument: NOTHING },
  /** Settings → Team database: which database the app uses and what is saved (never the password). */
  'teamDatabase.status': { channel: 'mt-team-database-status', argument: NOTHING },
  /** Checks the connection, saves the choice (the password in the keychain if asked) and restarts on it. */
  'teamDatabase.connect': { channel: 'mt-team-database-connect', argument: fields('url', 'password', 'remember') },
  /** Forgets the team database (and its kept password) and restarts on the file on this computer. */
  'teamDatabase.disconnect': { channel: 'mt-team-database-disconnect', argument: NOTHING },
} as const satisfies Record<string, ShellWire>

export type ShellFunctionName = keyof typeof SHELL_FUNCTIONS
export const SHELL_FUNCTION_NAMES = Object.keys(SHELL_FUNCTIONS) as ShellFunctionName[]
