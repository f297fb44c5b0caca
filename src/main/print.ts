// Printing and PDF: the report's HTML (report.build, self-contained) is shown in a hidden window
// that can do nothing but render it, then printed through the system dialog or rendered with
// printToPDF and saved. The HTML comes from the page, so it is treated as untrusted content:
//
// - its own window: sandboxed, isolated, JavaScript off, no preload, no Node, no devtools;
// - its own in-memory session (PRINT_PARTITION): no cookies or storage shared with the app, every
//   permission denied, every subresource refused except inline data: (the report embeds all it
//   needs; its own CSP says the same), no downloads;
// - every navigation refused (a <meta http-equiv=refresh> needs no JavaScript), no window.open,
//   no webview, and — unlike the app window — a web link is never handed to the system browser;
// - served from memory on its own scheme, in its own session only (print-documents.ts:
//   measure-tracker-print://document/<random id>), never a file:// page, and forgotten after.
//
// Page size, margins and the running header/footer with page numbers come from the document's own
// @page rule (core/report/html.ts), so printToPDF uses core's printSettings(): preferCSSPageSize,
// no browser header/footer — and zero default margins, as Playwright's page.pdf() (which the
// report's PDF tests use) sends, so the @page margins alone apply.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, Protocol, Session, WebContents, WebContentsPrintOptions } from 'electron'
import { printSettings } from '../core/report/print.ts'
import type { PrintRequest, SaveFileRequest } from '../shared/bridge.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import type { SavedFile, ShellInput } from '../shared/shell-api.ts'
import { PRINT_HOST, PRINT_SCHEME } from './app-scheme.ts'
import type { PrintDocuments } from './print-documents.ts'
import { messageOf, saveFileRequest, saveWithDialog, type SaveDialogDeps } from './save-file.ts'

/** The print windows' session: in memory (no "persist:"), shared by nothing else. */
export const PRINT_PARTITION = 'measure-tracker-print'
export const LOAD_TIMEOUT_MS = 60_000
export const PDF_TIMEOUT_MS = 180_000

export type PrintInput = PrintRequest
export type Paper = PrintInput['paper']

/** What the system print dialog starts with: the report's paper and orientation, backgrounds on. */
export function printOptions(input: Pick<PrintInput, 'paper' | 'landscape'>): WebContentsPrintOptions {
  return { silent: false, printBackground: true, pageSize: input.paper, landscape: input.landscape }
}

/** printToPDF's options: core's report print settings, with no margins of the printer's own. */
export function pdfOptions(input: Pick<PrintInput, 'paper' | 'landscape'>): PrintToPDFOptions {
  const settings = printSettings({ paper: input.paper, orientation: input.landscape ? 'landscape' : 'portrait' })
  return {
    pageSize: settings.pageSize,
    landscape: settings.landscape,
    printBackground: settings.printBackground,
    preferCSSPageSize: settings.preferCSSPageSize,
    displayHeaderFooter: settings.displayHeaderFooter,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  }
}

/** The parts of a webContents the print window uses. */
export type PrintContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'print' | 'printToPDF'>
export interface PrintWindow {
  webContents: PrintContents
  loadURL(url: string): Promise<void>
  destroy(): void
  isDestroyed(): boolean
}
export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow

/** The hidden window a document is printed from: it renders, nothing else. */
export function createPrintWindow(BrowserWindow: PrintWindowConstructor): PrintWindow {
  return new BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    title: 'Measure Tracker — print',
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      images: true,
    },
  })
}

/** Whatever the document tries, it stays where it is and opens nothing. */
export function lockDownPrintContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const refuse = (event: { preventDefault(): void }) => event.preventDefault()
  contents.on('will-navigate', refuse)
  contents.on('will-frame-navigate', refuse)
  contents.on('will-redirect', refuse)
  contents.on('will-attach-webview', refuse)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The report's own policy, sent again as a header on anything that has headers. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type PrintSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>
  protocol: Pick<Protocol, 'handle'>
}

/**
 * Locks the print session: no permission, no download, no request but the document itself (the
 * main frame, on the print scheme this session alone serves; a renderer-initiated navigation is
 * refused before it gets here) and inline data: images.
 */
export function lockDownPrintSession(session: PrintSession, documents: Pick<PrintDocuments, 'handle'>): void {
  session.protocol.handle(PRINT_SCHEME, (request) => documents.handle(request))
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.on('will-download', (event) => event.preventDefault())
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedPrintRequest(details.url, details.resourceType) })
  })
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PRINT_CSP] } })
  })
}

export function isAllowedPrintRequest(url: string, resourceType: string): boolean {
  if (typeof url !== 'string') return false
  if (/^data:/i.test(url)) return resourceType !== 'mainFrame' && resourceType !== 'subFrame'
  return resourceType === 'mainFrame' && url.startsWith(`${PRINT_SCHEME}://${PRINT_HOST}/`)
}

export interface PrintDeps {
  BrowserWindow: PrintWindowConstructor
  /** Where the document waits for its window (the store the print session's handler serves). */
  documents: Pick<PrintDocuments, 'add'>
  /** Told of each print window's webContents as it is made (the app's own guards then know it). */
  track?: (contents: PrintContents) => void
  loadTimeoutMs?: number
  pdfTimeoutMs?: number
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Renders `html` in a fresh locked-down hidden window, runs `job` on it, then removes window and document. */
export async function withDocument<T>(deps: PrintDeps, html: string, job: (contents: PrintContents) => Promise<T>): Promise<T> {
  const document = deps.documents.add(html)
  let window: PrintWindow | undefined
  try {
    window = createPrintWindow(deps.BrowserWindow)
    deps.track?.(window.webContents)
    lockDownPrintContents(window.webContents)
    await withTimeout(window.loadURL(document.url), deps.loadTimeoutMs ?? LOAD_TIMEOUT_MS, 'Loading the report')
    return await job(window.webContents)
  } finally {
    if (window && !window.isDestroyed()) window.destroy()
    document.remove()
  }
}

/** Electron's print() reports a cancelled dialog as a failure; for the person it is not one. */
const CANCELLED = /cancel/i

/** The system print dialog for `input.html`: ok(null) when printed or cancelled. */
export async function printDocument(deps: PrintDeps, input: PrintInput): Promise<Result<null>> {
  try {
    return await withDocument(
      deps,
      input.html,
      (contents) =>
        new Promise<Result<null>>((resolve) => {
          contents.print(printOptions(input), (success, failureReason) => {
            resolve(
              success || CANCELLED.test(failureReason) ? ok(null) : fail('INTERNAL', `The report could not be printed: ${failureReason}`),
            )
          })
        }),
    )
  } catch (error) {
    return fail('INTERNAL', `The report could not be printed: ${messageOf(error)}`)
  }
}

/** `input.html` as PDF bytes. */
export async function renderPdf(deps: PrintDeps, input: PrintInput): Promise<Result<Uint8Array>> {
  try {
    const pdf = await withDocument(deps, input.html, (contents) =>
      withTimeout(contents.printToPDF(pdfOptions(input)), deps.pdfTimeoutMs ?? PDF_TIMEOUT_MS, 'Making the PDF'),
    )
    return ok(pdf)
  } catch (error) {
    return fail('INTERNAL', `The PDF could not be made: ${messageOf(error)}`)
  }
}

export interface OutputHandlers {
  saveFile(request: SaveFileRequest): Promise<Result<SavedFile>>
  printHtml(request: PrintInput): Promise<Result<null>>
  saveHtmlAsPdf(request: ShellInput<'saveHtmlAsPdf'>): Promise<Result<SavedFile>>
}

/**
 * The three desktop output requests (the shell functions saveFile, printHtml and saveHtmlAsPdf),
 * given inputs the dispatcher has checked against their schemas. One print or PDF at a time: a
 * second request while one runs (a double click, the menu and the board at once) answers CONFLICT.
 */
export function outputHandlers(deps: PrintDeps & SaveDialogDeps): OutputHandlers {
  let busy = false
  const exclusive = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (busy) return fail('CONFLICT', 'A report is already being printed or saved as PDF.')
    busy = true
    try {
      return await run()
    } finally {
      busy = false
    }
  }
  return {
    saveFile: (request) => saveFileRequest(deps, request),
    printHtml: (request) => exclusive(() => printDocument(deps, request)),
    saveHtmlAsPdf: (request) =>
      exclusive(async () => {
        const pdf = await renderPdf(deps, request)
        if (!pdf.ok) return pdf
        return saveWithDialog(deps, request.filename, 'pdf', pdf.value)
      }),
  }
}
