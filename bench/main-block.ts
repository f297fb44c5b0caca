// How long a host's event loop stands still while the core imports (issue 17): the browser host
// (src/web, as `npm run web` serves it) runs in this process; a 10,000-measure export
// (bench/generate.ts) is posted to its HTTP API as exchange.import, and an event-loop delay
// monitor (perf_hooks.monitorEventLoopDelay, 10 ms resolution) records the longest stall from just
// before the request until its answer has arrived. While the core runs in the host's thread, that
// stall is the whole import: no other request, event stream or timer of the host is served
// meanwhile (in the desktop app, the window freezes).
//   main_block_max_ms_import_10k      the longest stall (target ≤ 50 once the core runs off the host's thread)
//   main_block_import_10k_total_ms    the import as the HTTP client sees it (request sent → answer read)
// `node bench/main-block.ts` prints these alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { EXPOSED_METHODS } from '../src/shared/exposed-methods.ts'
import { startWebHost } from '../src/web/host.ts'
import { send, signIn } from '../src/web/http-test-client.ts'
import { generateExchangeFile } from './generate.ts'

const MEASURES = 10_000
/** The monitor's sampling interval: a stall shorter than this is not seen. */
const RESOLUTION_MS = 10
/** Quiet time before and after the import, so the monitor has samples of the idle loop around it. */
const SETTLE_MS = 200

export async function mainBlockFigures(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-main-block-'))
  try {
    const host = await startWebHost({
      dbPath: join(dir, 'main-block.db'),
      rendererDir: join(dir, 'no-build'),
      actor: 'bench',
      // The page has no import; the command line's method is served here as the host's own API call.
      exposedMethods: [...EXPOSED_METHODS, 'exchange.import'],
    })
    try {
      const cookie = await signIn(host)
      // Built before the monitor starts: only the host's work is measured, not the benchmark's.
      const body = JSON.stringify({ file: generateExchangeFile(MEASURES), replace: false })
      const monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
      monitor.enable()
      const start = performance.now()
      const reply = await send(host.port, { method: 'POST', path: '/api/exchange.import', headers: { cookie }, body })
      const totalMs = performance.now() - start
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
      monitor.disable()
      const result = reply.json()
      if (reply.status !== 200 || !result.ok) throw new Error(`the import answered ${reply.status}: ${result.error?.message ?? reply.text}`)
      return {
        // The histogram is in nanoseconds.
        main_block_max_ms_import_10k: monitor.max / 1e6,
        main_block_import_10k_total_ms: totalMs,
      }
    } finally {
      await host.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await mainBlockFigures(), null, 2)}\n`)
}
