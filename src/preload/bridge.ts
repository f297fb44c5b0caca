// The bridge the page gets as window.measureTracker: named API functions, a push subscription
// and openExternal — never ipcRenderer itself, never an arbitrary channel, never Node.
// Built from an ipcRenderer passed in, so it is tested with a fake.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { IPC_OPEN_EXTERNAL, IPC_PREFIX, IPC_PUSH_CHANNEL, type ApiFunctions, type MeasureTrackerBridge, type PushEvent } from '../shared/bridge.ts'
import type { MethodName } from '../shared/api.ts'
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
  })
}
