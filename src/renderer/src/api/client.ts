// The one typed client the views use. It is typed from the API contract (src/shared/api.ts);
// which transport carries the calls (Electron IPC or HTTP) is decided once, here.
import type { Input, MethodName, Output } from '../../../shared/api.ts'
import type { CalendarSubscription } from '../../../shared/api-views.ts'
import type { OpenedDataset } from '../../../shared/dataset-update.ts'
import type { PrintRequest, SaveFileRequest } from '../../../shared/bridge.ts'
import type { Result } from '../../../shared/result.ts'
import { selectTransport, type PushListener, type Transport } from './transports.ts'

export interface Client {
  readonly transport: Transport['kind']
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>
  onPush(listener: PushListener): () => void
  openExternal(url: string): Promise<Result<null>>
  /** Saves a file (desktop: save dialog; browser: download); ok(null) when the person cancelled. */
  saveFile(file: SaveFileRequest): Promise<Result<{ path: string } | null>>
  /** Prints a self-contained HTML document (desktop: system print dialog; browser: its print dialog). */
  printHtml(request: PrintRequest): Promise<Result<null>>
  /** Saves a self-contained HTML document as PDF (desktop: printToPDF + save dialog; browser: the print dialog's "Save as PDF", ok(null)). */
  saveHtmlAsPdf(request: PrintRequest & { filename: string }): Promise<Result<{ path: string } | null>>
  /** Desktop: the save dialog chooses where the subscribable calendar is kept; ok(null) when cancelled. */
  chooseCalendarFile(): Promise<Result<CalendarSubscription | null>>
  /** Desktop: the open dialog picks a dataset file for the update review; ok(null) when cancelled. */
  openDatasetFile(): Promise<Result<OpenedDataset | null>>
  /** Desktop: Settings → Updates; the browser host refuses every one (FORBIDDEN). */
  readonly updates: Transport['updates']
  /** Desktop: Settings → Team database; the browser host refuses every one (FORBIDDEN). */
  readonly teamDatabase: Transport['teamDatabase']
}

/** Told of every call's answer (stores/access.ts: a lost team database server, and its return). */
export type CallObserver = (method: MethodName, result: Result<unknown>) => void
const observers = new Set<CallObserver>()

/** Observes every answer of every client; returns the way to stop. */
export function observeCalls(observer: CallObserver): () => void {
  observers.add(observer)
  return () => observers.delete(observer)
}

export function createClient(transport: Transport): Client {
  return {
    transport: transport.kind,
    call: <M extends MethodName>(method: M, input: Input<M>) => {
      const answer = transport.call(method, input) as Promise<Result<Output<M>>>
      // Told beside the caller, not before it: the caller's answer arrives on the same tick as ever.
      // (A transport answers a Result whatever happens: the promise never rejects.)
      if (observers.size > 0)
        answer.then(
          (result) => observers.forEach((observer) => observer(method, result)),
          () => undefined,
        )
      return answer
    },
    onPush: (listener) => transport.onPush(listener),
    openExternal: (url) => transport.openExternal(url),
    saveFile: (file) => transport.saveFile(file),
    printHtml: (request) => transport.printHtml(request),
    saveHtmlAsPdf: (request) => transport.saveHtmlAsPdf(request),
    chooseCalendarFile: () => transport.chooseCalendarFile(),
    openDatasetFile: () => transport.openDatasetFile(),
    updates: transport.updates,
    teamDatabase: transport.teamDatabase,
  }
}

let current: Client | null = null

/** The page's client, created on first use from what the host provided. */
export function useClient(): Client {
  current ??= createClient(selectTransport(window))
  return current
}

/** Replaces the client (tests, or a host that wants to inject its own transport). */
export function setClient(client: Client | null): void {
  current = client
}
