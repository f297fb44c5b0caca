// The IPC side of the bridge: one handler per API method (IPC_PREFIX + name), each of which
// first checks that the call comes from the app's own page in the app's own window, then
// answers with the service's Result. Beside the API: openExternal, and the desktop's output
// channels (save a file, print, save as PDF — print.ts), behind the same sender check. Nothing is
// ever thrown across IPC (Electron would turn an Error into a bare message): every failure is a
// Result too.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { api, isMethodName, type MethodName } from '../shared/api.ts'
import {
  IPC_CHOOSE_CALENDAR_FILE,
  IPC_OPEN_EXTERNAL,
  IPC_PREFIX,
  IPC_PRINT_HTML,
  IPC_PUSH_CHANNEL,
  IPC_SAVE_FILE,
  IPC_SAVE_PDF,
  IPC_UPDATES,
  type PushEvent,
  type UpdateFunctions,
} from '../shared/bridge.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import { toSafeExternalUrl } from './external-url.ts'
import type { AppUrlMatcher } from './navigation.ts'
import type { OutputHandlers } from './print.ts'

/** The one thing the dispatcher needs from core's service. */
export interface CallableService {
  call(method: string, input: unknown): Result<unknown>
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

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
  /** Opens a web link in the system browser (externalOpener(shell) in the app). */
  openExternal: (url: string) => Promise<unknown>
  /**
   * Save a file, print, save as PDF (print.ts: outputHandlers). Each checks its own input; the
   * channels are registered only when given.
   */
  output?: OutputHandlers
  /** Settings → Calendar → Choose file… (calendar-file.ts); the channel is registered only when given. */
  chooseCalendarFile?: () => Promise<Result<unknown>>
  /** Settings → Updates (updater.ts); the channels are registered only when given. Each checks its own input. */
  updates?: { [F in keyof UpdateFunctions]: (input: unknown) => Result<unknown> | Promise<Result<unknown>> }
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
  const { ipcMain, service, isTrustedSender, openExternal } = options
  const log = options.log ?? (() => {})
  const channels: string[] = []
  for (const method of options.methodNames ?? EXPOSED_METHODS) {
    const channel = IPC_PREFIX + method
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        log(`Refused ${channel} from ${describeSender(event)}`)
        return forbidden()
      }
      let result: Result<unknown>
      try {
        result = toTransportResult(service.call(method, input))
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
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (event, url: unknown): Promise<Result<null>> => {
    if (!isTrustedSender(event)) {
      log(`Refused ${IPC_OPEN_EXTERNAL} from ${describeSender(event)}`)
      return forbidden()
    }
    const safe = toSafeExternalUrl(url)
    if (!safe) return fail('VALIDATION', 'Only http and https links can be opened.')
    try {
      await openExternal(safe)
      return ok(null)
    } catch (error) {
      return fail('INTERNAL', `The link could not be opened: ${(error as Error)?.message ?? String(error)}`)
    }
  })
  channels.push(IPC_OPEN_EXTERNAL)
  const { output, chooseCalendarFile, updates } = options
  const outputChannels: [string, (input: unknown) => Promise<Result<unknown>>][] = []
  if (output) {
    outputChannels.push(
      [IPC_SAVE_FILE, (input) => output.saveFile(input)],
      [IPC_PRINT_HTML, (input) => output.printHtml(input)],
      [IPC_SAVE_PDF, (input) => output.saveHtmlAsPdf(input)],
    )
  }
  // Takes no input: whatever the page sends is ignored.
  if (chooseCalendarFile) outputChannels.push([IPC_CHOOSE_CALENDAR_FILE, () => chooseCalendarFile()])
  if (updates) {
    for (const name of Object.keys(IPC_UPDATES) as (keyof UpdateFunctions)[]) {
      outputChannels.push([IPC_UPDATES[name], async (input) => updates[name](input)])
    }
  }
  for (const [channel, handle] of outputChannels) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`Refused ${channel} from ${describeSender(event)}`)
        return forbidden()
      }
      try {
        return toTransportResult(await handle(input))
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
