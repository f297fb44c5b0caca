// What the Electron preload exposes on `window.measureTracker`, and what the browser host's
// HTTP client mimics: named, typed functions only — never a raw channel.
import type { Input, MethodName, Output } from './api.ts'
import type { Result } from './result.ts'
import type { ShellOutput, ShellRequest } from './shell-api.ts'
import type { ShellFunctionName } from './shell-channels.ts'
import type { UpdateStatus } from './updates.ts'

export type ApiFunctions = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> }

/** Events pushed from the host to the page (Electron: webContents.send; browser host: SSE). */
export type PushEvent =
  | { type: 'data-changed' }
  /** The core stopped unexpectedly and was started again (issue 17): the page says so and reloads. */
  | { type: 'core-restarted' }
  | { type: 'open-measure'; id: string }
  | { type: 'menu'; command: MenuCommand }
  /** The desktop app's update status changed (Settings → Updates; src/main/updater.ts). */
  | { type: 'update-status'; status: UpdateStatus }
  /** An update notification was clicked: show Settings → Updates. */
  | { type: 'open-updates' }

export const MENU_COMMANDS = [
  'new-measure',
  'find',
  'go-board',
  'print-report',
  'save-pdf',
  'export-ics',
  'export-csv',
  'toggle-as-of',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** A shell function as the page calls it: one argument (none when nothing crosses), a Result whatever happens. */
type ShellBridgeFunction<N extends ShellFunctionName> = [ShellRequest<N>] extends [undefined]
  ? () => Promise<Result<ShellOutput<N>>>
  : (input: ShellRequest<N>) => Promise<Result<ShellOutput<N>>>

type TopLevelShellName = Exclude<ShellFunctionName, `${string}.${string}`>
type ShellGroup = ShellFunctionName extends infer N ? (N extends `${infer G}.${string}` ? G : never) : never

/**
 * The shell's functions on the bridge, from its contract (shell-api.ts, shell-channels.ts): each
 * name a function, a dotted name ("updates.check") a function of a group (bridge.updates.check).
 */
export type ShellFunctions = { [N in TopLevelShellName]: ShellBridgeFunction<N> } & {
  [G in ShellGroup]: { [N in ShellFunctionName as N extends `${G}.${infer M}` ? M : never]: ShellBridgeFunction<N> }
}

/**
 * Besides the API and the push events, the shell's functions: openExternal (an http(s) link in the
 * system browser; anything else is refused by the host), saveFile (the native save dialog, then
 * the file; null when cancelled), printHtml and saveHtmlAsPdf (a self-contained HTML document
 * through the system print dialog, or to PDF and saved), chooseCalendarFile (where to keep the
 * subscribable calendar; the page never names the path) and updates (Settings → Updates, desktop
 * only: nothing is checked, downloaded or installed but through these, on the user's word).
 */
export interface MeasureTrackerBridge extends ShellFunctions {
  api: ApiFunctions
  onPush(listener: (event: PushEvent) => void): () => void
}

export type UpdateFunctions = ShellFunctions['updates']
export type TeamDatabaseFunctions = ShellFunctions['teamDatabase']
export type SaveFileRequest = ShellRequest<'saveFile'>
export type PrintRequest = ShellRequest<'printHtml'>

/**
 * IPC channel names (Electron): one per API method, prefixed, so the dispatcher can reject anything
 * else; the shell's functions have theirs in shell-channels.ts.
 */
export const IPC_PREFIX = 'mt:'
export const IPC_PUSH_CHANNEL = 'mt-push'

/**
 * HTTP protocol of the browser host. No token travels with these: the host authenticates the
 * browser by the HttpOnly cookie it set when the printed URL was opened (src/web/README.md).
 */
export const HTTP_API_PREFIX = '/api/'
export const HTTP_EVENTS_PATH = '/events'
/**
 * The subscribable calendar (issue 13): GET /calendar.ics?key=… answers the calendar to a program
 * that cannot send the page's cookie. The key is the subscription's own read-only secret
 * (calendar.subscription's feedKey), never the host's session secret.
 */
export const HTTP_CALENDAR_PATH = '/calendar.ics'
export const HTTP_CALENDAR_KEY_PARAM = 'key'
