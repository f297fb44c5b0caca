// Server-Sent Events: the browser host's push channel (Electron uses webContents.send instead).
// Every connected page gets every event; a comment line every so often keeps proxies and the
// browser from timing the stream out.
import type { ServerResponse } from 'node:http'
import type { PushEvent } from '../shared/bridge.ts'

export const DEFAULT_HEARTBEAT_MS = 15_000
/** How soon EventSource reconnects after the stream drops (the host restarting, say). */
export const RETRY_MS = 2_000

export interface EventHub {
  /** Takes over a response whose headers have not been sent yet and keeps it open. */
  attach(response: ServerResponse): void
  broadcast(event: PushEvent): void
  readonly size: number
  close(): void
}

export function formatEvent(event: PushEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`
}

export function createEventHub(heartbeatMs: number = DEFAULT_HEARTBEAT_MS): EventHub {
  const clients = new Set<ServerResponse>()
  let closed = false

  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(`: heartbeat ${Date.now()}\n\n`)
  }, heartbeatMs)
  heartbeat.unref()

  return {
    attach(response) {
      if (closed) {
        response.end()
        return
      }
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      // The first bytes flush the headers, so the page's EventSource opens at once.
      response.write(`retry: ${RETRY_MS}\n: connected\n\n`)
      clients.add(response)
      const forget = (): void => {
        clients.delete(response)
      }
      response.on('close', forget)
      response.on('error', forget)
    },
    broadcast(event) {
      const frame = formatEvent(event)
      for (const client of clients) client.write(frame)
    },
    get size() {
      return clients.size
    },
    close() {
      closed = true
      clearInterval(heartbeat)
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}
