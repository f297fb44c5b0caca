// What the Electron preload exposes on `window.measureTracker`, and what the browser host's
// HTTP client mimics: named, typed functions only — never a raw channel.
import type { Input, MethodName, Output } from './api.ts'
import type { Result } from './result.ts'

export type ApiFunctions = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> }

/** Events pushed from the host to the page (Electron: webContents.send; browser host: SSE). */
export type PushEvent =
  | { type: 'data-changed' }
  | { type: 'open-measure'; id: string }
  | { type: 'menu'; command: MenuCommand }

export const MENU_COMMANDS = ['new-measure', 'find', 'go-board', 'print-report', 'save-pdf', 'export-ics', 'export-csv', 'toggle-as-of'] as const
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

/**
 * HTTP protocol of the browser host. No token travels with these: the host authenticates the
 * browser by the HttpOnly cookie it set when the printed URL was opened (src/web/README.md).
 */
export const HTTP_API_PREFIX = '/api/'
export const HTTP_EVENTS_PATH = '/events'
