// The Electron app's scheme (measure-tracker://app/) as Chromium can reach it without Electron:
// a loopback HTTP server whose every answer comes from the very handler the app registers with
// protocol.handle (src/main/app-protocol.ts: same folder, same policy, node:fs as in the app).
// Only the transport differs, so a test on this server checks the headers and body the scheme
// really sends — the policy in force — not a copy of it.
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAppProtocolHandler } from '../../src/main/app-protocol.ts'
import { APP_ORIGIN } from '../../src/main/app-scheme.ts'
import { contentSecurityPolicy } from '../../src/main/csp.ts'

export interface AppSchemeServer {
  /** http://127.0.0.1:<port>/index.html */
  url: string
  close(): Promise<void>
}

export interface AppSchemeServerOptions {
  rendererDir: string
  /** Leave the handler's Content-Security-Policy header out: what the <meta> tag alone enforces. */
  withoutCspHeader?: boolean
}

export async function startAppSchemeServer({ rendererDir, withoutCspHeader = false }: AppSchemeServerOptions): Promise<AppSchemeServer> {
  // As src/main/app.ts builds it for a packaged app (no dev server).
  const handle = createAppProtocolHandler({ root: rendererDir, policy: contentSecurityPolicy(), fs: { readFile, realpath, stat } })
  const server: Server = createServer((request, response) => {
    // The request line's path as sent (not re-parsed), on the app's origin: what Chromium would hand the handler.
    const url = `${APP_ORIGIN}${request.url ?? '/'}`
    handle({ url, method: request.method ?? 'GET' })
      .then(async (answer) => {
        const headers: Record<string, string> = {}
        answer.headers.forEach((value, name) => {
          if (!(withoutCspHeader && name === 'content-security-policy')) headers[name] = value
        })
        response.writeHead(answer.status, headers)
        response.end(Buffer.from(await answer.arrayBuffer()))
      })
      .catch(() => {
        response.writeHead(500).end()
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
