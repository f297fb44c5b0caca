// The one typed client the views use. It is typed from the API contract (src/shared/api.ts);
// which transport carries the calls (Electron IPC or HTTP) is decided once, here.
import type { Input, MethodName, Output } from '../../../shared/api.ts'
import type { Result } from '../../../shared/result.ts'
import { selectTransport, type PushListener, type Transport } from './transports.ts'

export interface Client {
  readonly transport: Transport['kind']
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>
  onPush(listener: PushListener): () => void
  openExternal(url: string): Promise<Result<null>>
}

export function createClient(transport: Transport): Client {
  return {
    transport: transport.kind,
    call: <M extends MethodName>(method: M, input: Input<M>) => transport.call(method, input) as Promise<Result<Output<M>>>,
    onPush: (listener) => transport.onPush(listener),
    openExternal: (url) => transport.openExternal(url),
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
