// `npm run web [-- --port N --db PATH --renderer DIR]`: argument parsing and the life of one
// browser host process. Kept apart from main.ts so it is tested without spawning a process.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { resolveDatabasePath } from '../core/store/location.ts'
import { startWebHost, type WebHost } from './host.ts'

export const WEB_HELP = `Measure Tracker browser host — the app in your browser, served on 127.0.0.1 only.

Usage: npm run web [-- --port N --db PATH --renderer DIR]
       node src/web/main.ts [--port N] [--db PATH] [--renderer DIR]

Options:
  --port N          port to listen on (default 0: any free port)
  --db PATH         database file (default: MEASURE_TRACKER_DB, else the app's data folder)
  --renderer DIR    the built app to serve (default: out/renderer; npm run web builds it first)
  --help            this text

Prints one line, "Measure Tracker: http://127.0.0.1:PORT/?token=...": open that address in a
browser. The token lets that browser in (it is exchanged for a cookie); anyone without it is
refused, so do not share it. A new token is made on every start. Ctrl+C stops the server.
`

/** The renderer build next to this source tree, wherever the command is run from. */
export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '..', '..', 'out', 'renderer')

export class WebUsageError extends Error {}

export interface WebArgs {
  port: number
  db: string
  rendererDir: string
  help: boolean
}

export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    throw new WebUsageError((error as Error).message)
  }
  let port = 0
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) {
      throw new WebUsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}")`)
    }
    port = Number(values.port)
  }
  return {
    port,
    db: resolveDatabasePath(values.db, env),
    rendererDir: values.renderer === undefined ? DEFAULT_RENDERER_DIR : resolve(values.renderer),
    help: values.help as boolean,
  }
}

export interface WebIo {
  out(text: string): void
  err(text: string): void
}

/** Starts the host; the caller stops it with `close()` (main.ts does so on SIGINT/SIGTERM). */
export async function runWebHost(argv: string[], io: WebIo, env: NodeJS.ProcessEnv = process.env): Promise<WebHost | number> {
  let args: WebArgs
  try {
    args = parseWebArgs(argv, env)
  } catch (error) {
    if (!(error instanceof WebUsageError)) throw error
    io.err(`${error.message}\n\n${WEB_HELP}`)
    return 2
  }
  if (args.help) {
    io.out(WEB_HELP)
    return 0
  }
  try {
    const host = await startWebHost({ dbPath: args.db, port: args.port, rendererDir: args.rendererDir })
    io.out(`Measure Tracker: ${host.url}`)
    return host
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string }
    if (code === 'EADDRINUSE') io.err(`Port ${args.port} is already in use: choose another with --port, or --port 0 for any free port.`)
    else io.err(`Measure Tracker could not start: ${message ?? String(error)}`)
    return 1
  }
}
