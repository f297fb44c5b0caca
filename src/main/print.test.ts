import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, Dialog, PrintToPDFOptions, WebContentsPrintOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { printSettings } from '../core/report/print.ts'
import { translator } from '../shared/i18n/translate.ts'
import {
  PRINT_CSP,
  PRINT_PARTITION,
  isAllowedPrintRequest,
  lockDownPrintContents,
  lockDownPrintSession,
  outputHandlers,
  pdfOptions,
  printOptions,
  type PrintDeps,
  type PrintWindowConstructor,
} from './print.ts'
import { createPrintDocuments, type PrintDocuments } from './print-documents.ts'
import type { SaveDialogDeps } from './save-file.ts'

const HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title></head><body><h1>Status report</h1></body></html>'

type PrintCallback = (success: boolean, failureReason: string) => void

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  printed: WebContentsPrintOptions[] = []
  static printAnswer: [boolean, string] = [true, '']
  static pdfBytes: Uint8Array | Error = new Uint8Array([37, 80, 68, 70, 45])
  pdfOptions: PrintToPDFOptions[] = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  print(options: WebContentsPrintOptions, callback: PrintCallback) {
    this.printed.push(options)
    setImmediate(() => callback(...FakeContents.printAnswer))
  }
  async printToPDF(options: PrintToPDFOptions) {
    this.pdfOptions.push(options)
    const bytes = FakeContents.pdfBytes
    if (bytes instanceof Error) throw bytes
    return bytes
  }
}

class FakePrintWindow {
  static instances: FakePrintWindow[] = []
  static loadError: Error | null = null
  static loadNever = false
  /** What the print session's protocol handler would serve (Electron's loadURL asks it). */
  static documents: PrintDocuments | null = null
  readonly webContents = new FakeContents()
  destroyed = false
  loadedUrl: string | null = null
  loadedHtml: string | null = null
  loadedHeaders: Headers | null = null
  readonly options: BrowserWindowConstructorOptions
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options
    FakePrintWindow.instances.push(this)
  }
  async loadURL(url: string) {
    this.loadedUrl = url
    const response = await FakePrintWindow.documents!.handle({ url, method: 'GET' })
    if (response.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND loading ${url}`)
    this.loadedHtml = await response.text()
    this.loadedHeaders = response.headers
    if (FakePrintWindow.loadNever) return new Promise<void>(() => {})
    if (FakePrintWindow.loadError) throw FakePrintWindow.loadError
  }
  destroy() {
    this.destroyed = true
  }
  isDestroyed() {
    return this.destroyed
  }
}

describe('printOptions and pdfOptions', () => {
  it('start the print dialog on the report paper and orientation, with backgrounds', () => {
    expect(printOptions({ paper: 'Letter', landscape: true })).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'Letter',
      landscape: true,
    })
    expect(printOptions({ paper: 'A4', landscape: false })).toMatchObject({ silent: false, pageSize: 'A4', landscape: false })
  })

  it.each([
    ['A4', true],
    ['A4', false],
    ['Letter', true],
    ['Letter', false],
  ] as const)('map %s landscape=%s to core print settings, the CSS @page deciding, no browser header/footer', (paper, landscape) => {
    const options = pdfOptions({ paper, landscape })
    const core = printSettings({ paper, orientation: landscape ? 'landscape' : 'portrait' })
    expect(options).toEqual({
      pageSize: paper,
      landscape,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    })
    expect(options).toMatchObject(core)
    expect(options.headerTemplate).toBeUndefined()
    expect(options.footerTemplate).toBeUndefined()
  })
})

describe('lockDownPrintContents', () => {
  it('refuses every navigation, redirect, webview and new window', () => {
    const contents = new FakeContents()
    lockDownPrintContents(contents as never)
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { url: 'https://evil.example/', isMainFrame: true, preventDefault: vi.fn() }
      contents.emit(name, event)
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('lockDownPrintSession', () => {
  function fakeSession() {
    const emitter = new EventEmitter()
    return Object.assign(emitter, {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      protocol: { handle: vi.fn() },
    })
  }

  it('serves the print scheme in this session only, from the documents given', async () => {
    const session = fakeSession()
    const documents = createPrintDocuments(PRINT_CSP)
    lockDownPrintSession(session as never, documents)
    expect(session.protocol.handle).toHaveBeenCalledWith('measure-tracker-print', expect.any(Function))
    const handler = session.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>
    const { url } = documents.add(HTML)
    expect(await (await handler(new Request(url))).text()).toBe(HTML)
  })

  it('denies permissions and downloads, filters requests and adds the report policy', () => {
    const session = fakeSession()
    lockDownPrintSession(session as never, createPrintDocuments(PRINT_CSP))
    const permission = vi.fn()
    session.setPermissionRequestHandler.mock.calls[0]![0](null, 'notifications', permission)
    expect(permission).toHaveBeenCalledWith(false)
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false)
    const download = { preventDefault: vi.fn() }
    session.emit('will-download', download)
    expect(download.preventDefault).toHaveBeenCalled()

    const filter = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string; resourceType: string },
      callback: (r: { cancel: boolean }) => void,
    ) => void
    const decide = (url: string, resourceType: string) => {
      let cancel: boolean | undefined
      filter({ url, resourceType }, (response) => (cancel = response.cancel))
      return cancel
    }
    expect(decide('measure-tracker-print://document/5f0c1e52-3d7e-4a8e-9a51-2b1f4b8f1c11', 'mainFrame')).toBe(false)
    expect(decide('file:///tmp/measure-tracker-print-x/report.html', 'mainFrame')).toBe(true)
    expect(decide('https://evil.example/pixel.png', 'image')).toBe(true)
    expect(decide('file:///etc/passwd', 'image')).toBe(true)

    const headers = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (r: unknown) => void,
    ) => void
    const response = vi.fn()
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, response)
    expect(response).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [PRINT_CSP] } })
  })

  it.each([
    ['measure-tracker-print://document/5f0c1e52-3d7e-4a8e-9a51-2b1f4b8f1c11', 'mainFrame', true],
    ['measure-tracker-print://document/5f0c1e52-3d7e-4a8e-9a51-2b1f4b8f1c11', 'subFrame', false],
    ['measure-tracker-print://document/x', 'stylesheet', false],
    ['measure-tracker-print://evil/x', 'mainFrame', false],
    ['measure-tracker://app/index.html', 'mainFrame', false],
    ['file:///tmp/x/report.html', 'mainFrame', false],
    ['data:image/png;base64,iVBORw0KGgo=', 'image', true],
    ['data:text/html,<script>alert(1)</script>', 'mainFrame', false],
    ['data:text/html,hi', 'subFrame', false],
    ['file:///tmp/x/report.html', 'subFrame', false],
    ['file:///home/ana/.ssh/id_rsa', 'stylesheet', false],
    ['file://attacker.example/share/x.html', 'mainFrame', false],
    ['http://127.0.0.1:8080/', 'mainFrame', false],
    ['https://example.com/font.woff2', 'font', false],
    ['https://example.com/', 'ping', false],
    ['devtools://devtools/bundled/inspector.html', 'mainFrame', false],
  ])('%s as %s → allowed %s', (url, type, allowed) => {
    expect(isAllowedPrintRequest(url, type)).toBe(allowed)
  })
})

describe('outputHandlers: print and PDF in a hidden window', () => {
  let saved: string
  let documents: PrintDocuments
  beforeEach(() => {
    saved = mkdtempSync(join(tmpdir(), 'mt-print-saved-'))
    documents = createPrintDocuments(PRINT_CSP)
    FakePrintWindow.documents = documents
    FakePrintWindow.instances = []
    FakePrintWindow.loadError = null
    FakePrintWindow.loadNever = false
  })
  afterEach(() => {
    rmSync(saved, { recursive: true, force: true })
  })

  const setup = (answer: { canceled: boolean; filePath: string } = { canceled: false, filePath: '' }, extra: Partial<PrintDeps> = {}) => {
    const showSaveDialog = vi.fn(async (..._args: unknown[]) => answer)
    const track = vi.fn()
    const deps: PrintDeps & SaveDialogDeps = {
      BrowserWindow: FakePrintWindow as unknown as PrintWindowConstructor,
      documents,
      track,
      dialog: { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
      parentWindow: () => null,
      documentsDir: () => saved,
      t: translator('en'),
      ...extra,
    }
    return { handlers: outputHandlers(deps), showSaveDialog, track }
  }
  const request = { html: HTML, paper: 'Letter', landscape: false } as const

  it('prints from a hidden, sandboxed window with JavaScript off, no preload and its own session', async () => {
    const { handlers, track } = setup()
    expect(await handlers.printHtml(request)).toEqual({ ok: true, value: null })
    expect(FakePrintWindow.instances).toHaveLength(1)
    const window = FakePrintWindow.instances[0]!
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      partition: PRINT_PARTITION,
    })
    expect(window.options.webPreferences?.preload).toBeUndefined()
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
    expect(track).toHaveBeenCalledWith(window.webContents)
    expect(window.webContents.printed).toEqual([{ silent: false, printBackground: true, pageSize: 'Letter', landscape: false }])
    expect(window.webContents.listenerCount('will-navigate')).toBe(1)
    expect(window.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('loads the exact HTML from the print scheme (no file://), with the report policy, and forgets it and the window after', async () => {
    const { handlers } = setup()
    await handlers.printHtml(request)
    await handlers.printHtml(request)
    const [window, second] = FakePrintWindow.instances as [FakePrintWindow, FakePrintWindow]
    expect(window.loadedHtml).toBe(HTML)
    expect(window.loadedUrl).toMatch(/^measure-tracker-print:\/\/document\/[0-9a-f-]{36}$/)
    expect(second.loadedUrl).not.toBe(window.loadedUrl)
    expect(window.loadedHeaders!.get('content-security-policy')).toBe(PRINT_CSP)
    expect((await documents.handle({ url: window.loadedUrl!, method: 'GET' })).status).toBe(404)
    expect(window.destroyed).toBe(true)
  })

  it('answers null when the person cancels the print dialog, a failure otherwise', async () => {
    FakeContents.printAnswer = [false, 'Print job canceled']
    try {
      const { handlers } = setup()
      expect(await handlers.printHtml(request)).toEqual({ ok: true, value: null })
      FakeContents.printAnswer = [false, 'Print job failed']
      expect(await handlers.printHtml(request)).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: expect.stringContaining('Print job failed') },
      })
    } finally {
      FakeContents.printAnswer = [true, '']
    }
    expect(FakePrintWindow.instances.every((window) => window.destroyed)).toBe(true)
  })

  it('reports a page that fails to load, and still cleans up', async () => {
    FakePrintWindow.loadError = new Error('ERR_FAILED (-2) loading file')
    const { handlers } = setup()
    expect(await handlers.printHtml(request)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(FakePrintWindow.instances[0]!.destroyed).toBe(true)
    expect((await documents.handle({ url: FakePrintWindow.instances[0]!.loadedUrl!, method: 'GET' })).status).toBe(404)
  })

  it('gives up on a page that never loads', async () => {
    FakePrintWindow.loadNever = true
    const { handlers } = setup(undefined, { loadTimeoutMs: 20 })
    expect(await handlers.printHtml(request)).toMatchObject({ ok: false, error: { message: expect.stringContaining('longer than') } })
    expect(FakePrintWindow.instances[0]!.destroyed).toBe(true)
  })

  it('saves the PDF where the person chooses, with the report paper and orientation', async () => {
    const target = join(saved, 'chosen.pdf')
    const { handlers, showSaveDialog } = setup({ canceled: false, filePath: target })
    expect(await handlers.saveHtmlAsPdf({ html: HTML, paper: 'A4', landscape: true, filename: 'measure-report-2026-11-09.pdf' })).toEqual({
      ok: true,
      value: { path: target },
    })
    expect(readFileSync(target, 'latin1')).toBe('%PDF-')
    const window = FakePrintWindow.instances[0]!
    expect(window.webContents.pdfOptions).toEqual([pdfOptions({ paper: 'A4', landscape: true })])
    expect(window.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    const options = showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: unknown }
    expect(options.defaultPath).toBe(join(saved, 'measure-report-2026-11-09.pdf'))
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }])
    expect(window.destroyed).toBe(true)
  })

  it('answers null and writes nothing when the PDF save is cancelled', async () => {
    const { handlers } = setup({ canceled: true, filePath: '' })
    expect(await handlers.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toEqual({ ok: true, value: null })
    expect(readdirSync(saved)).toEqual([])
  })

  it('asks for no file when the PDF cannot be made', async () => {
    FakeContents.pdfBytes = new Error('Printing failed')
    try {
      const { handlers, showSaveDialog } = setup({ canceled: false, filePath: join(saved, 'x.pdf') })
      expect(await handlers.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      expect(showSaveDialog).not.toHaveBeenCalled()
    } finally {
      FakeContents.pdfBytes = new Uint8Array([37, 80, 68, 70, 45])
    }
  })

  it('runs one print or PDF at a time', async () => {
    const { handlers } = setup({ canceled: true, filePath: '' })
    const first = handlers.printHtml(request)
    expect(await handlers.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await first).toEqual({ ok: true, value: null })
    expect(await handlers.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toEqual({ ok: true, value: null })
  })

  it('saves text files through the same dialog', async () => {
    const target = join(saved, 'a.csv')
    const { handlers } = setup({ canceled: false, filePath: target })
    expect(await handlers.saveFile({ filename: 'a.csv', mimeType: 'text/csv; charset=utf-8', content: '\ufeffa,b\n' })).toEqual({
      ok: true,
      value: { path: target },
    })
    expect(readFileSync(target, 'utf8')).toBe('\ufeffa,b\n')
  })
})
