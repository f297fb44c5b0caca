// The bridge the page gets as window.measureTracker: named API functions, a push subscription and
// the shell's own functions (open a web link, save a file, print, save as PDF, the calendar's
// file, updates), each built from its entry in src/shared/shell-channels.ts — never ipcRenderer
// itself, never an arbitrary channel, never Node.
// Built from an ipcRenderer passed in, so it is tested with a fake.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import {
  IPC_PREFIX,
  IPC_PUSH_CHANNEL,
  type ApiFunctions,
  type MeasureTrackerBridge,
  type PushEvent,
  type ShellFunctions,
} from '../shared/bridge.ts'
import type { MethodName } from '../shared/api.ts'
import { fail, type Result } from '../shared/result.ts'
import { SHELL_FUNCTIONS, type ShellArgument } from '../shared/shell-channels.ts'

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

/** What of the page's argument crosses (shell-channels.ts): nothing, the text, or the named fields (see pick). */
function shape(argument: ShellArgument, input: unknown): unknown {
  switch (argument.kind) {
    case 'none':
      return undefined
    case 'text':
      return String(input)
    case 'fields':
      return pick(input, argument.fields)
  }
}

/** A shell function: sends what its entry lets cross, a Result whatever happens (even a throwing getter or toString). */
function shellFunction(ipc: BridgeIpc, channel: string, argument: ShellArgument): (input?: unknown) => Promise<Result<unknown>> {
  return async (input) => {
    let wire: unknown
    try {
      wire = shape(argument, input)
    } catch (error) {
      return fail('VALIDATION', `The request cannot be sent: ${(error as Error)?.message ?? String(error)}`)
    }
    try {
      return (await ipc.invoke(channel, wire)) as Result<unknown>
    } catch (error) {
      return fail('INTERNAL', (error as Error)?.message ?? String(error))
    }
  }
}

/** Every shell function of the table, a dotted name ("updates.check") inside its frozen group. */
function shellFunctions(ipc: BridgeIpc): ShellFunctions {
  const functions: Record<string, unknown> = {}
  const groups: Record<string, Record<string, unknown>> = {}
  for (const [name, { channel, argument }] of Object.entries(SHELL_FUNCTIONS)) {
    const call = shellFunction(ipc, channel, argument)
    const dot = name.indexOf('.')
    if (dot < 0) functions[name] = call
    else (groups[name.slice(0, dot)] ??= {})[name.slice(dot + 1)] = call
  }
  for (const [group, members] of Object.entries(groups)) functions[group] = Object.freeze(members)
  return functions as unknown as ShellFunctions
}

export function createBridge(ipc: BridgeIpc, methodNames: readonly MethodName[]): MeasureTrackerBridge {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  for (const name of methodNames) {
    const channel = IPC_PREFIX + name
    // Only the input crosses: whatever else a caller passes is dropped.
    api[name] = (input: unknown) => call(ipc, channel, input)
  }
  return Object.freeze({
    ...shellFunctions(ipc),
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
  })
}
