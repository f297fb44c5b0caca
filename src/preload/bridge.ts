// The bridge the page gets as window.measureTracker: named API functions, a push subscription,
// openExternal and the desktop's output functions (save a file, print, save as PDF) — never
// ipcRenderer itself, never an arbitrary channel, never Node.
// Built from an ipcRenderer passed in, so it is tested with a fake.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import {
  IPC_CHOOSE_CALENDAR_FILE,
  IPC_OPEN_EXTERNAL,
  IPC_PREFIX,
  IPC_PRINT_HTML,
  IPC_PUSH_CHANNEL,
  IPC_SAVE_FILE,
  IPC_SAVE_PDF,
  IPC_UPDATES,
  type ApiFunctions,
  type MeasureTrackerBridge,
  type PrintRequest,
  type PushEvent,
  type SaveFileRequest,
  type UpdateFunctions,
} from '../shared/bridge.ts'
import type { MethodName } from '../shared/api.ts'
import type { CalendarSubscription } from '../shared/api-views.ts'
import { fail, type Result } from '../shared/result.ts'

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * What the browser host's HTTP client sends is JSON; so is what crosses here. That also turns a
 * Vue reactive proxy (which structured clone refuses) into plain data.
 */
function toWire(input: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (input === undefined) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(input)) as unknown }
  } catch (error) {
    return { ok: false, message: (error as Error)?.message ?? String(error) }
  }
}

/** A Result whatever happens: the page never has to catch. */
async function call<T>(ipc: BridgeIpc, channel: string, input: unknown): Promise<Result<T>> {
  const wire = toWire(input)
  if (!wire.ok) return fail('VALIDATION', `The input cannot be sent: ${wire.message}`)
  try {
    return (await ipc.invoke(channel, wire.value)) as Result<T>
  } catch (error) {
    return fail('INTERNAL', (error as Error)?.message ?? String(error))
  }
}

/**
 * The named fields of a request, as plain values: a Vue reactive proxy becomes a plain object,
 * anything else the caller attached stays behind, and a large text (a report, a calendar) crosses
 * once, without a JSON round trip. A field that is not a plain value is sent as null. Main checks
 * every field again (type, size, file name); this only shapes what is sent.
 */
function pick(input: unknown, keys: readonly string[]): Record<string, unknown> | null {
  if (typeof input !== 'object' || input === null) return null
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key]
    if (value === undefined) continue
    out[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null
  }
  return out
}

/** Sends the named fields of `input` (see pick): a Result whatever happens, even a throwing getter. */
async function send<T>(ipc: BridgeIpc, channel: string, input: unknown, keys: readonly string[]): Promise<Result<T>> {
  let plain: Record<string, unknown> | null
  try {
    plain = pick(input, keys)
  } catch (error) {
    return fail('VALIDATION', `The request cannot be sent: ${(error as Error)?.message ?? String(error)}`)
  }
  try {
    return (await ipc.invoke(channel, plain)) as Result<T>
  } catch (error) {
    return fail('INTERNAL', (error as Error)?.message ?? String(error))
  }
}

const SAVE_FILE_FIELDS = ['filename', 'mimeType', 'content'] as const
const PRINT_FIELDS = ['html', 'paper', 'landscape'] as const
const PDF_FIELDS = [...PRINT_FIELDS, 'filename'] as const
const UPDATE_PREFERENCE_FIELDS = ['checkAutomatically'] as const

/** Settings → Updates: only the preferences cross; main checks them against their schema. */
function updateFunctions(ipc: BridgeIpc): UpdateFunctions {
  return Object.freeze({
    status: () => call(ipc, IPC_UPDATES.status, undefined),
    configure: (preferences) => send(ipc, IPC_UPDATES.configure, preferences, UPDATE_PREFERENCE_FIELDS),
    check: () => call(ipc, IPC_UPDATES.check, undefined),
    download: () => call(ipc, IPC_UPDATES.download, undefined),
    install: () => call(ipc, IPC_UPDATES.install, undefined),
  } satisfies UpdateFunctions)
}

export function createBridge(ipc: BridgeIpc, methodNames: readonly MethodName[]): MeasureTrackerBridge {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  for (const name of methodNames) {
    const channel = IPC_PREFIX + name
    // Only the input crosses: whatever else a caller passes is dropped.
    api[name] = (input: unknown) => call(ipc, channel, input)
  }
  return Object.freeze({
    api: Object.freeze(api) as unknown as ApiFunctions,
    onPush(listener: (event: PushEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onPush needs a function')
      // The page sees the payload only, never the IpcRendererEvent (whose `sender` is ipcRenderer).
      const relay = (_event: IpcRendererEvent, payload: PushEvent) => listener(payload)
      ipc.on(IPC_PUSH_CHANNEL, relay)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        ipc.removeListener(IPC_PUSH_CHANNEL, relay)
      }
    },
    openExternal(url: string): Promise<Result<null>> {
      return call<null>(ipc, IPC_OPEN_EXTERNAL, String(url))
    },
    saveFile(file: SaveFileRequest): Promise<Result<{ path: string } | null>> {
      return send(ipc, IPC_SAVE_FILE, file, SAVE_FILE_FIELDS)
    },
    printHtml(request: PrintRequest): Promise<Result<null>> {
      return send(ipc, IPC_PRINT_HTML, request, PRINT_FIELDS)
    },
    saveHtmlAsPdf(request: PrintRequest & { filename: string }): Promise<Result<{ path: string } | null>> {
      return send(ipc, IPC_SAVE_PDF, request, PDF_FIELDS)
    },
    // Nothing crosses: main asks for the path itself.
    chooseCalendarFile(): Promise<Result<CalendarSubscription | null>> {
      return call(ipc, IPC_CHOOSE_CALENDAR_FILE, undefined)
    },
    updates: updateFunctions(ipc),
  })
}
