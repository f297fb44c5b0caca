// What the Electron preload exposes on `window.measureTracker`, and what the browser host's
// HTTP client mimics: named, typed functions only — never a raw channel.
import type { Input, MethodName, Output } from './api.ts'
import type { CalendarSubscription } from './api-views.ts'
import type { Result } from './result.ts'
import type { UpdatePreferences, UpdateStatus } from './updates.ts'

export type ApiFunctions = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> }

/** Events pushed from the host to the page (Electron: webContents.send; browser host: SSE). */
export type PushEvent =
  | { type: 'data-changed' }
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

export interface MeasureTrackerBridge {
  api: ApiFunctions
  onPush(listener: (event: PushEvent) => void): () => void
  /** Opens an http(s) link in the system browser; anything else is refused by the host. */
  openExternal(url: string): Promise<Result<null>>
  /** Asks where to save (desktop: native dialog) and writes the file; null when cancelled. */
  saveFile(file: SaveFileRequest): Promise<Result<{ path: string } | null>>
  /** Prints a self-contained HTML document through the system print dialog. */
  printHtml(request: PrintRequest): Promise<Result<null>>
  /** Renders a self-contained HTML document to PDF (Electron printToPDF) and saves it; null when cancelled. */
  saveHtmlAsPdf(request: PrintRequest & { filename: string }): Promise<Result<{ path: string } | null>>
  /**
   * Asks where to keep the subscribable calendar (native save dialog), writes it there and makes
   * that the kept file; the subscription after it, or null when cancelled. The page never names
   * the path itself.
   */
  chooseCalendarFile(): Promise<Result<CalendarSubscription | null>>
  /**
   * Settings → Updates (desktop only; src/main/updater.ts): the status, the preferences, "Check
   * now", downloading the release on offer and installing it (the app restarts). Nothing is
   * checked, downloaded or installed but through these, on the user's word.
   */
  updates: UpdateFunctions
}

export interface UpdateFunctions {
  status(): Promise<Result<UpdateStatus>>
  configure(preferences: UpdatePreferences): Promise<Result<UpdateStatus>>
  check(): Promise<Result<UpdateStatus>>
  download(): Promise<Result<UpdateStatus>>
  install(): Promise<Result<null>>
}

export interface SaveFileRequest {
  filename: string
  mimeType: string
  content: string
}

export interface PrintRequest {
  html: string
  paper: 'A4' | 'Letter'
  landscape: boolean
}

/** IPC channel names (Electron) — one per method, prefixed, so the dispatcher can reject anything else. */
export const IPC_PREFIX = 'mt:'
export const IPC_PUSH_CHANNEL = 'mt-push'
export const IPC_OPEN_EXTERNAL = 'mt-open-external'
export const IPC_SAVE_FILE = 'mt-save-file'
export const IPC_PRINT_HTML = 'mt-print-html'
export const IPC_SAVE_PDF = 'mt-save-pdf'
export const IPC_CHOOSE_CALENDAR_FILE = 'mt-choose-calendar-file'
export const IPC_UPDATES = {
  status: 'mt-updates-status',
  configure: 'mt-updates-configure',
  check: 'mt-updates-check',
  download: 'mt-updates-download',
  install: 'mt-updates-install',
} as const satisfies Record<keyof UpdateFunctions, string>

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
