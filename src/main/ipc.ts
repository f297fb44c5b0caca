// The IPC side of the bridge: one handler per API method (IPC_PREFIX + name), each of which
// first checks that the call comes from the app's own page in the app's own window, then
// answers with the service's Result. Beside the API, one handler per shell function
// (src/shared/shell-api.ts: open a web link, save a file, print, save as PDF, the calendar's file,
// updates): the same sender check, then the input parsed against the function's schema (a failure
// is the service's VALIDATION Result), then the handler main gave for it (shell-handlers.ts).
// Nothing is ever thrown across IPC (Electron would turn an Error into a bare message): every
// failure is a Result too.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { api, isMethodName, type MethodName } from '../shared/api.ts'
import { IPC_PREFIX, IPC_PUSH_CHANNEL, type PushEvent } from '../shared/bridge.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { fail, type Result } from '../shared/result.ts'
import { shellApi, type ShellInput, type ShellOutput } from '../shared/shell-api.ts'
import { SHELL_FUNCTION_NAMES, type ShellFunctionName } from '../shared/shell-channels.ts'
import { validationFailure } from '../shared/validation-failure.ts'
import type { AppUrlMatcher } from './navigation.ts'

/** The one thing the dispatcher needs from core's service (answered by the core's worker). */
export interface CallableService {
  call(method: string, input: unknown): Promise<Result<unknown>>
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** Main's answer to one shell function, given its input as the table's schema parsed it. */
export type ShellHandler<N extends ShellFunctionName> = (input: ShellInput<N>) => Result<ShellOutput<N>> | Promise<Result<ShellOutput<N>>>
/** One handler per shell function: a function added to the table without one does not compile. */
export type ShellHandlers = { [N in ShellFunctionName]: ShellHandler<N> }

/**
 * Trusted sender: the main frame of our window's webContents, currently showing the app's page.
 * A null senderFrame (navigated away or destroyed since it sent), a subframe, another window or
 * a foreign URL are all refused.
 */
export function trustedSenderCheck(getWebContents: () => WebContents | null | undefined, isAppUrl: AppUrlMatcher): SenderCheck {
  return (event) => {
    try {
      const contents = getWebContents()
      if (!contents || contents.isDestroyed() || event.sender !== contents) return false
      const frame = event.senderFrame
      if (!frame || frame.parent !== null) return false
      const main = contents.mainFrame
      const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId)
      return isMainFrame && isAppUrl(frame.url)
    } catch {
      // Reading a frame of a destroyed webContents throws: not trusted.
      return false
    }
  }
}

const forbidden = (): Result<never> => fail('FORBIDDEN', 'This request did not come from the Measure Tracker window.')

/**
 * Makes a result safe to send: exactly the JSON the browser host would send, so the renderer sees
 * the same values over both transports (no undefined fields, no class instances, no Dates).
 */
export function toTransportResult(result: Result<unknown>): Result<unknown> {
  try {
    return JSON.parse(JSON.stringify(result)) as Result<unknown>
  } catch (error) {
    return fail('INTERNAL', `The result could not be sent: ${(error as Error).message}`)
  }
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  service: CallableService
  isTrustedSender: SenderCheck
  /** The shell's own functions (shell-handlers.ts in the app), each registered on its table channel. */
  shell: ShellHandlers
  /** Told after every mutation that succeeded (the reminder scheduler looks again). */
  onMutation?: (method: MethodName) => void
  /**
   * The API channels to register: by default only the methods the page uses
   * (src/shared/exposed-methods.ts). Main's own callers (the reminder scheduler) use the service
   * directly, never IPC, so nothing else needs a channel a compromised page could call.
   */
  methodNames?: readonly string[]
  log?: (message: string) => void
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(options: IpcOptions): () => void {
  const { ipcMain, service, isTrustedSender } = options
  const log = options.log ?? (() => {})
  const channels: string[] = []
  for (const method of options.methodNames ?? EXPOSED_METHODS) {
    const channel = IPC_PREFIX + method
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`Refused ${channel} from ${describeSender(event)}`)
        return forbidden()
      }
      let result: Result<unknown>
      try {
        result = toTransportResult(await service.call(method, input))
      } catch (error) {
        return fail('INTERNAL', (error as Error)?.message ?? String(error))
      }
      if (result.ok && options.onMutation && isMethodName(method) && api[method].kind === 'mutation') {
        try {
          options.onMutation(method)
        } catch (error) {
          log(`After ${method}: ${(error as Error)?.message ?? String(error)}`)
        }
      }
      return result
    })
    channels.push(channel)
  }
  for (const name of SHELL_FUNCTION_NAMES) {
    const { channel, input: schema } = shellApi[name]
    const handle = options.shell[name] as (input: unknown) => Result<unknown> | Promise<Result<unknown>>
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`Refused ${channel} from ${describeSender(event)}`)
        return forbidden()
      }
      const parsed = schema.safeParse(input)
      if (!parsed.success) return validationFailure(parsed.error)
      try {
        return toTransportResult(await handle(parsed.data))
      } catch (error) {
        return fail('INTERNAL', (error as Error)?.message ?? String(error))
      }
    })
    channels.push(channel)
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

function describeSender(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame ? JSON.stringify(event.senderFrame.url) : 'a frame that no longer exists'
  } catch {
    return 'an unknown frame'
  }
}

/** Sends a push event to the window's page, if it is still there. */
export function pushToWindow(getWebContents: () => WebContents | null | undefined, event: PushEvent): void {
  const contents = getWebContents()
  if (!contents || contents.isDestroyed()) return
  contents.send(IPC_PUSH_CHANNEL, event)
}
