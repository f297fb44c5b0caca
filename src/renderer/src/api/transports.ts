// The two ways the page reaches the service, behind one shape. Every function resolves to a
// Result and never throws: a dropped connection or a bad response becomes a failed Result.
import type {
  MeasureTrackerBridge,
  PrintRequest,
  PushEvent,
  SaveFileRequest,
  TeamDatabaseFunctions,
  UpdateFunctions,
} from '../../../shared/bridge.ts'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../../shared/bridge.ts'
import type { MethodName } from '../../../shared/api.ts'
import type { CalendarSubscription } from '../../../shared/api-views.ts'
import type { OpenedDataset } from '../../../shared/dataset-update.ts'
import { fail, ok, type Result } from '../../../shared/result.ts'
import { downloadFile } from './download.ts'
import { printHtmlInFrame } from '../logic/report-frame.ts'

export type PushListener = (event: PushEvent) => void

export interface Transport {
  readonly kind: 'electron' | 'http' | 'unavailable'
  call(method: MethodName, input: unknown): Promise<Result<unknown>>
  onPush(listener: PushListener): () => void
  openExternal(url: string): Promise<Result<null>>
  /** Saves a file the service produced (desktop: save dialog; browser: a download). null = cancelled. */
  saveFile(file: SaveFileRequest): Promise<Result<{ path: string } | null>>
  /** Prints a self-contained HTML document (the report) through a print dialog. */
  printHtml(request: PrintRequest): Promise<Result<null>>
  /** Saves it as PDF: desktop printToPDF and a save dialog ({path}, null = cancelled); a browser's print dialog (null). */
  saveHtmlAsPdf(request: PrintRequest & { filename: string }): Promise<Result<{ path: string } | null>>
  /** Desktop: asks where to keep the subscribable calendar (null = cancelled). A browser cannot choose a path (FORBIDDEN). */
  chooseCalendarFile(): Promise<Result<CalendarSubscription | null>>
  /** Desktop: the open dialog picks a dataset file for the update review (null = cancelled). A browser uses a file input instead (FORBIDDEN). */
  openDatasetFile(): Promise<Result<OpenedDataset | null>>
  /** Desktop: Settings → Updates (src/main/updater.ts). The browser host has no updates (FORBIDDEN). */
  updates: UpdateFunctions
  /** Desktop: Settings → Team database (src/main/team-database-choice.ts). The browser host uses the database it was started with (FORBIDDEN). */
  teamDatabase: TeamDatabaseFunctions
}

function failure(error: unknown): Result<never> {
  return fail('INTERNAL', error instanceof Error ? error.message : String(error))
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const candidate = value as { ok: unknown; error?: { code?: unknown } }
  return candidate.ok === true || (candidate.ok === false && typeof candidate.error?.code === 'string')
}

/** Only web links leave the app; anything else (file:, javascript:) is refused before it is opened. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
  } catch {
    return false
  }
}

/** Calls a function of a bridge group ("updates.check") so it answers a Result whatever the bridge does. */
function groupRelay(group: string) {
  return async function relay<T>(name: string, run: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      const result: unknown = await run()
      return isResult(result) ? (result as Result<T>) : fail('INTERNAL', `Malformed answer to ${group}.${name}`)
    } catch (error) {
      return failure(error)
    }
  }
}

/** The bridge's update functions, each answering a Result whatever the bridge does. */
function bridgeUpdates(bridge: MeasureTrackerBridge): UpdateFunctions {
  const relay = groupRelay('updates')
  return {
    status: () => relay('status', () => bridge.updates.status()),
    configure: (preferences) => relay('configure', () => bridge.updates.configure(preferences)),
    check: () => relay('check', () => bridge.updates.check()),
    download: () => relay('download', () => bridge.updates.download()),
    install: () => relay('install', () => bridge.updates.install()),
  }
}

/** Where there is nothing to update (the browser host, no host at all): every update function answers `refusal`. */
function noUpdates(refusal: () => Result<never>): UpdateFunctions {
  const refuse = async () => refusal()
  return { status: refuse, configure: refuse, check: refuse, download: refuse, install: refuse }
}

/** The bridge's team database functions, each answering a Result whatever the bridge does. */
function bridgeTeamDatabase(bridge: MeasureTrackerBridge): TeamDatabaseFunctions {
  const relay = groupRelay('teamDatabase')
  return {
    status: () => relay('status', () => bridge.teamDatabase.status()),
    connect: (request) => relay('connect', () => bridge.teamDatabase.connect(request)),
    disconnect: () => relay('disconnect', () => bridge.teamDatabase.disconnect()),
  }
}

/** Where the database cannot be chosen from the page: every team database function answers `refusal`. */
function noTeamDatabase(refusal: () => Result<never>): TeamDatabaseFunctions {
  const refuse = async () => refusal()
  return { status: refuse, connect: refuse, disconnect: refuse }
}

export function bridgeTransport(bridge: MeasureTrackerBridge): Transport {
  return {
    kind: 'electron',
    async call(method, input) {
      try {
        const fn = bridge.api[method] as (input: unknown) => Promise<Result<unknown>>
        const result: unknown = await fn(input)
        return isResult(result) ? result : fail('INTERNAL', `Malformed answer to ${method}`)
      } catch (error) {
        return failure(error)
      }
    },
    onPush: (listener) => bridge.onPush(listener),
    async openExternal(url) {
      if (!isHttpUrl(url)) return fail('FORBIDDEN', `Not a web link: ${url}`)
      try {
        return await bridge.openExternal(url)
      } catch (error) {
        return failure(error)
      }
    },
    async saveFile(file) {
      try {
        const result: unknown = await bridge.saveFile(file)
        return isResult(result) ? (result as Result<{ path: string } | null>) : fail('INTERNAL', 'Malformed answer to saveFile')
      } catch (error) {
        return failure(error)
      }
    },
    async printHtml(request) {
      try {
        const result: unknown = await bridge.printHtml(request)
        return isResult(result) ? (result as Result<null>) : fail('INTERNAL', 'Malformed answer to printHtml')
      } catch (error) {
        return failure(error)
      }
    },
    async saveHtmlAsPdf(request) {
      try {
        const result: unknown = await bridge.saveHtmlAsPdf(request)
        return isResult(result) ? (result as Result<{ path: string } | null>) : fail('INTERNAL', 'Malformed answer to saveHtmlAsPdf')
      } catch (error) {
        return failure(error)
      }
    },
    async chooseCalendarFile() {
      try {
        const result: unknown = await bridge.chooseCalendarFile()
        return isResult(result)
          ? (result as Result<CalendarSubscription | null>)
          : fail('INTERNAL', 'Malformed answer to chooseCalendarFile')
      } catch (error) {
        return failure(error)
      }
    },
    async openDatasetFile() {
      try {
        const result: unknown = await bridge.openDatasetFile()
        return isResult(result) ? (result as Result<OpenedDataset | null>) : fail('INTERNAL', 'Malformed answer to openDatasetFile')
      } catch (error) {
        return failure(error)
      }
    },
    updates: bridgeUpdates(bridge),
    teamDatabase: bridgeTeamDatabase(bridge),
  }
}

/**
 * The browser host's page. It holds no secret: the host let this browser in with an HttpOnly
 * cookie when the printed URL was opened, and the browser sends that cookie with every
 * same-origin fetch and EventSource by itself (src/web/README.md).
 */
export interface HttpEnvironment {
  fetch: typeof fetch
  /** Absent in environments without SSE (tests): push is then simply not delivered. */
  EventSource?: typeof EventSource
  open(url: string): void
  /** Hands a file to the browser as a download; returns the name it was given. */
  download?(file: SaveFileRequest): { path: string }
  /** Opens the browser's print dialog on a self-contained HTML document (logic/report-frame.ts). */
  print?(html: string): Promise<void>
}

function parsePush(data: unknown): PushEvent | null {
  if (typeof data !== 'string') return null
  try {
    const event = JSON.parse(data) as unknown
    return typeof event === 'object' && event !== null && typeof (event as { type?: unknown }).type === 'string'
      ? (event as PushEvent)
      : null
  } catch {
    return null
  }
}

export function httpTransport(env: HttpEnvironment): Transport {
  const listeners = new Set<PushListener>()
  let source: EventSource | null = null
  let dropped = false

  // One EventSource for the page, opened with the first listener. After the stream drops and
  // comes back, data may have changed in between, so listeners hear one 'data-changed'.
  function connect(): void {
    if (source || !env.EventSource) return
    source = new env.EventSource(HTTP_EVENTS_PATH)
    source.onmessage = (message) => {
      const event = parsePush(message.data)
      if (event) for (const listener of listeners) listener(event)
    }
    source.onerror = () => {
      dropped = true
    }
    source.onopen = () => {
      if (!dropped) return
      dropped = false
      for (const listener of listeners) listener({ type: 'data-changed' })
    }
  }

  // A browser has no printToPDF: printing and "Save as PDF" both open its print dialog, whose
  // destinations include "Save as PDF". Paper and orientation come from the report's @page rule.
  async function printInBrowser(html: string): Promise<Result<null>> {
    if (!env.print) return fail('INTERNAL', 'This page cannot print')
    try {
      await env.print(html)
      return ok(null)
    } catch (error) {
      return failure(error)
    }
  }

  return {
    kind: 'http',
    async call(method, input) {
      try {
        const response = await env.fetch(`${HTTP_API_PREFIX}${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // The session cookie; same-origin is fetch's default, said here because it is the credential.
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        })
        const body: unknown = await response.json().catch(() => null)
        if (isResult(body)) return body
        return fail('INTERNAL', `HTTP ${response.status} ${response.statusText}`.trim())
      } catch (error) {
        return failure(error)
      }
    },
    onPush(listener) {
      listeners.add(listener)
      connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
    async openExternal(url) {
      if (!isHttpUrl(url)) return fail('FORBIDDEN', `Not a web link: ${url}`)
      env.open(url)
      return ok(null)
    },
    async saveFile(file) {
      if (!env.download) return fail('INTERNAL', 'This page cannot save files')
      try {
        return ok(env.download(file))
      } catch (error) {
        return failure(error)
      }
    },
    printHtml: (request) => printInBrowser(request.html),
    saveHtmlAsPdf: (request) => printInBrowser(request.html),
    // The page cannot choose a path for the host to write; the browser subscribes to the calendar address instead.
    chooseCalendarFile: async () => fail('FORBIDDEN', 'Only the desktop app can choose where the calendar file is kept.'),
    // The page reads the file the person picks in a file input and sends its contents (stores/dataset-review.ts).
    openDatasetFile: async () => fail('FORBIDDEN', 'In a browser, choose the dataset file with the page’s file field.'),
    // The browser host runs from a copy of the source: it is updated with it, never by the page.
    updates: noUpdates(() => fail('FORBIDDEN', 'Updates come with the installed desktop app.')),
    // The page must never choose where the host's data lives: the host says that when it starts (--db).
    teamDatabase: noTeamDatabase(() => fail('FORBIDDEN', 'The browser host uses the database it was started with (--db).')),
  }
}

/** The page was opened outside both hosts (e.g. the HTML file directly): say so on every call. */
export function unavailableTransport(): Transport {
  const answer = (): Result<never> => fail('INTERNAL', 'No connection to the Measure Tracker service')
  return {
    kind: 'unavailable',
    call: async () => answer(),
    onPush: () => () => {},
    openExternal: async () => answer(),
    saveFile: async () => answer(),
    printHtml: async () => answer(),
    saveHtmlAsPdf: async () => answer(),
    chooseCalendarFile: async () => answer(),
    openDatasetFile: async () => answer(),
    updates: noUpdates(answer),
    teamDatabase: noTeamDatabase(answer),
  }
}

/**
 * Electron when the preload exposed the bridge; HTTP when the page came over http(s) without one
 * (the browser host: only it serves this page over HTTP); otherwise (the HTML file opened
 * directly, say) there is no service to talk to.
 */
export function selectTransport(win: Window & typeof globalThis): Transport {
  if (win.measureTracker) return bridgeTransport(win.measureTracker)
  const protocol = win.location?.protocol
  if (protocol === 'http:' || protocol === 'https:') {
    return httpTransport({
      fetch: win.fetch.bind(win),
      EventSource: win.EventSource,
      open: (url) => {
        win.open(url, '_blank', 'noopener')
      },
      download: (file) => downloadFile(file, { document: win.document, URL: win.URL, Blob: win.Blob }),
      print: (html) => printHtmlInFrame(html, { document: win.document }),
    })
  }
  return unavailableTransport()
}
