// The host's side of the core's worker (issue 17): the browser host and the desktop app start the
// core in a worker thread and hold this client. Calls are answered in the order they were made;
// the host's own thread never runs a handler, so a long import or report leaves it free to serve
// pages, events and timers.
//
// A crash of the worker (an uncaught error, its heap cap reached, a native fault of the thread) is
// reported to the host (`onRestart`) and the core is started again on the same file. Calls in
// flight then answer INTERNAL, saying their change may not have been made: SQLite commits each
// write in one transaction, so a call cut off mid-way left nothing, and one that was answered
// (acknowledged) had committed. Calls made while it restarts wait for it.
import { Worker } from 'node:worker_threads'
import type { Service } from '../service/index.ts'
import type { ImportAnswer } from '../service/import-request-file.ts'
import { fail, type Result } from '../../shared/result.ts'
import type { CoreOpenOptions, CoreStoreInfo, CoreToHost, HostToCore } from './protocol.ts'

/** The worker's heap cap (MB): a runaway call ends the core's thread, not the host (Node's own limit would end the process). */
export const CORE_HEAP_MB = 2048
/** Waits between restart attempts when the core cannot be started again (the file may be busy). */
const RESTART_DELAYS_MS = [0, 500, 2_000, 5_000, 15_000]
/** How long close() waits for the worker to finish what it was doing before ending it. */
const CLOSE_TIMEOUT_MS = 10_000

export interface StartCoreOptions extends CoreOpenOptions {
  /** The worker's module: the TypeScript source beside this file (default), or the app's built copy. */
  entry?: string | URL
  /** Heap cap of the core's thread in MB (default CORE_HEAP_MB). */
  maxHeapMb?: number
  /** Told when the core stopped unexpectedly, with why; it is being started again. */
  log?: (message: string) => void
}

export interface CoreClient extends CoreStoreInfo {
  /** The service, answered by the core's thread. */
  readonly service: Service
  /** exchange.import of a request body spooled to `path` (the browser host). */
  importRequestFile(path: string): Promise<ImportAnswer>
  /** Calls `listener` when another connection commits (polled by the core's thread). */
  watchExternalChanges(listener: () => void, intervalMs?: number): () => void
  /** Calls `listener` each time the core stopped unexpectedly and was started again. */
  onRestart(listener: (reason: string) => void): () => void
  /** Ends the core's thread at once, as a crash would (the crash tests); it is then started again. */
  stopAbruptly(): Promise<void>
  /** Finishes the calls under way, closes the database and ends the thread. */
  close(): Promise<void>
}

const DEFAULT_ENTRY = new URL('./core-worker.ts', import.meta.url)

type Pending = { settle: (answer: Result<unknown> | ImportAnswer) => void; kind: 'call' | 'import-request-file' }
type Outgoing = Extract<HostToCore, { id: number }>

function cutOff(reason: string): Result<never> {
  return fail(
    'INTERNAL',
    `The core stopped while answering (${reason}) and is being restarted. This change may not have been made: check it and try again.`,
  )
}

/** Starts a worker and waits until its database is open; rejects with openStore's message when it cannot be. */
function spawn(options: StartCoreOptions, open: CoreOpenOptions): Promise<{ worker: Worker; info: CoreStoreInfo }> {
  const worker = new Worker(options.entry ?? DEFAULT_ENTRY, {
    workerData: open,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? CORE_HEAP_MB },
  })
  return new Promise((resolve, reject) => {
    let failure: Error | null = null
    const onMessage = (message: CoreToHost) => {
      if (message.type === 'ready') {
        detach()
        resolve({ worker, info: message.info })
      } else if (message.type === 'open-failed') failure = new Error(message.message)
    }
    const onError = (error: Error) => {
      failure ??= error
    }
    const onExit = (code: number) => {
      detach()
      reject(failure ?? new Error(`The core's thread ended (exit code ${code}) before the database was open.`))
    }
    const detach = () => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
    }
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
  })
}

export async function startCore(options: StartCoreOptions): Promise<CoreClient> {
  const open: CoreOpenOptions = {
    path: options.path,
    actor: options.actor,
    seed: options.seed,
    dailyBackup: options.dailyBackup,
    ownLocation: options.ownLocation,
    teamDriverEntry: options.teamDriverEntry,
  }
  const log = options.log ?? ((message: string) => console.error(`Measure Tracker: ${message}`))
  const first = await spawn(options, open)
  let worker: Worker | null = null
  let nextId = 1
  let closing: Promise<void> | null = null
  let watchIntervalMs: number | null = null
  const pending = new Map<number, Pending>()
  const waiting: Outgoing[] = []
  const changeListeners = new Set<() => void>()
  const restartListeners = new Set<(reason: string) => void>()
  /** Set when the core could not be started again: every later call is answered with it. */
  let gaveUp: Result<never> | null = null

  function send(message: HostToCore): void {
    worker!.postMessage(message)
  }

  function attach(started: Worker): void {
    worker = started
    let lastError: Error | null = null
    started.on('message', (message: CoreToHost) => {
      if (message.type === 'answer') {
        const entry = pending.get(message.id)
        pending.delete(message.id)
        entry?.settle(message.answer)
      } else if (message.type === 'external-change') for (const listener of changeListeners) listener()
    })
    started.on('error', (error) => {
      lastError = error
    })
    started.on('exit', (code) => {
      worker = null
      if (closing) return
      const reason = lastError?.message ?? `its thread ended with exit code ${code}`
      log(`the core stopped unexpectedly (${reason}); starting it again.`)
      for (const [id, entry] of pending) {
        pending.delete(id)
        const result = cutOff(reason)
        entry.settle(entry.kind === 'call' ? result : { status: 500, result })
      }
      restart(reason).catch((error: unknown) => log(`the core could not be started again: ${(error as Error).message}`))
    })
    if (watchIntervalMs !== null) send({ type: 'watch-external-changes', intervalMs: watchIntervalMs })
    for (const message of waiting.splice(0)) send(message)
  }

  async function restart(reason: string): Promise<void> {
    for (const delayMs of RESTART_DELAYS_MS) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      if (closing) return
      try {
        // Today's backup was taken by the first start; a restart does not take another.
        const started = await spawn(options, { ...open, dailyBackup: false })
        if (closing) {
          await started.worker.terminate()
          return
        }
        attach(started.worker)
        for (const listener of restartListeners) listener(reason)
        // What the pages show may be older than the file (a change of another process meanwhile).
        for (const listener of changeListeners) listener()
        return
      } catch (error) {
        log(`the core could not be started again: ${(error as Error).message}`)
      }
    }
    // Given up: calls waiting for it are answered, and later ones are refused at once.
    const result = fail('STORAGE', `The core could not be started again after it stopped (${reason}). Restart Measure Tracker.`)
    for (const message of waiting.splice(0)) {
      const entry = pending.get(message.id)
      pending.delete(message.id)
      entry?.settle(message.type === 'call' ? result : { status: 500, result })
    }
    gaveUp = result
  }

  function request(message: Outgoing): void {
    if (worker === null) waiting.push(message)
    else send(message)
  }

  function ask<T extends Result<unknown> | ImportAnswer>(kind: Pending['kind'], build: (id: number) => Outgoing): Promise<T> {
    if (closing) return Promise.resolve(fail('STORAGE', 'The database is closed.') as never)
    if (gaveUp) return Promise.resolve((kind === 'call' ? gaveUp : { status: 500, result: gaveUp }) as T)
    const id = nextId++
    return new Promise<T>((resolve) => {
      pending.set(id, { kind, settle: resolve as Pending['settle'] })
      try {
        request(build(id))
      } catch (error) {
        // Input the structured clone cannot copy (a function, a class instance) never reaches the core.
        pending.delete(id)
        const result = fail('VALIDATION', `The input cannot be sent to the core: ${(error as Error).message}`)
        resolve((kind === 'call' ? result : { status: 500, result }) as T)
      }
    })
  }

  attach(first.worker)
  const service: Service = {
    call: ((method: string, input: unknown) => ask('call', (id) => ({ type: 'call', id, method, input }))) as Service['call'],
  }
  return {
    ...first.info,
    service,
    importRequestFile: (path) => ask<ImportAnswer>('import-request-file', (id) => ({ type: 'import-request-file', id, path })),
    watchExternalChanges(listener, intervalMs = 1_000) {
      changeListeners.add(listener)
      if (watchIntervalMs === null || intervalMs < watchIntervalMs) {
        watchIntervalMs = intervalMs
        if (worker !== null) send({ type: 'watch-external-changes', intervalMs })
      }
      return () => changeListeners.delete(listener)
    },
    onRestart(listener) {
      restartListeners.add(listener)
      return () => restartListeners.delete(listener)
    },
    async stopAbruptly() {
      await worker?.terminate()
    },
    close() {
      closing ??= (async () => {
        const current = worker
        if (current !== null) {
          const ended = new Promise<void>((resolve) => current.once('exit', () => resolve()))
          current.postMessage({ type: 'close' } satisfies HostToCore)
          const timer = setTimeout(() => {
            current.terminate().catch(() => undefined)
          }, CLOSE_TIMEOUT_MS)
          await ended
          clearTimeout(timer)
        }
        // Closed while the core was starting again: what waited for it is answered too.
        waiting.length = 0
        const result = fail('STORAGE', 'The database was closed before this call was answered.')
        for (const [id, entry] of pending) {
          pending.delete(id)
          entry.settle(entry.kind === 'call' ? result : { status: 500, result })
        }
      })()
      return closing
    },
  }
}
