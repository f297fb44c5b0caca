// The core's thread (issue 17): the worker the browser host and the desktop app start with
// core-client.ts. It opens the database, answers each call with the service's Result in the
// order the calls came, and tells the host when another process committed. A long call (an
// import, a report of every measure) blocks this thread only: the host's keeps serving.
import { parentPort, workerData } from 'node:worker_threads'
import { openStore, type OpenedStore } from '../open.ts'
import { importRequestFile } from '../service/import-request-file.ts'
import { fail, type Result } from '../../shared/result.ts'
import type { CoreOpenOptions, CoreToHost, HostToCore } from './protocol.ts'

const port = parentPort
if (port === null) throw new Error('core-worker.ts runs as a worker thread (see core-client.ts).')

const post = (message: CoreToHost): void => port.postMessage(message)

function answerOf(store: OpenedStore, message: Extract<HostToCore, { id: number }>): CoreToHost {
  try {
    const answer = message.type === 'call' ? store.core.call(message.method, message.input) : importRequestFile(store.core, message.path)
    return { type: 'answer', id: message.id, answer }
  } catch (error) {
    // The service answers with Results; what still throws here (a file that vanished) is INTERNAL.
    const result: Result<never> = fail('INTERNAL', (error as Error)?.message ?? String(error))
    return { type: 'answer', id: message.id, answer: message.type === 'call' ? result : { status: 500, result } }
  }
}

let store: OpenedStore
try {
  store = await openStore(workerData as CoreOpenOptions)
} catch (error) {
  post({ type: 'open-failed', message: (error as Error)?.message ?? String(error) })
  process.exit(0)
}
let stopWatching = (): void => {}
port.on('message', (message: HostToCore) => {
  switch (message.type) {
    case 'call':
    case 'import-request-file':
      post(answerOf(store, message))
      return
    case 'watch-external-changes':
      stopWatching()
      stopWatching = store.watchExternalChanges(() => post({ type: 'external-change' }), message.intervalMs)
      return
    case 'close':
      stopWatching()
      store.close()
      post({ type: 'closed' })
      port.close()
      return
  }
})
post({
  type: 'ready',
  info: {
    path: store.path,
    schemaVersion: store.schemaVersion,
    backupPath: store.backupPath,
    readOnly: store.readOnly,
    readOnlyReason: store.readOnlyReason,
    created: store.created,
  },
})
