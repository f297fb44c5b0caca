#!/usr/bin/env node
// Entry point of `npm run web`: starts the browser host, prints its URL, stops cleanly on
// Ctrl+C or SIGTERM. (npm runs the `preweb` script, the renderer build, first.)
import { runWebHost } from './cli.ts'
import type { WebHost } from './host.ts'

let host: WebHost | null = null
let stopping = false

function close(signal: NodeJS.Signals): void {
  host!.close().then(
    () => {
      process.exitCode = 0
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    },
    (error: unknown) => {
      process.stderr.write(`Measure Tracker: error while stopping after ${signal}: ${(error as Error).message}\n`)
      process.exit(1)
    },
  )
}

function stop(signal: NodeJS.Signals): void {
  // A second Ctrl+C does not wait for open connections.
  if (stopping) process.exit(130)
  stopping = true
  // Still starting: it closes as soon as it is up (below).
  if (host !== null) close(signal)
}

// Listening before the URL is printed: whoever reads the line may stop us at once, and a signal
// without a listener would kill the process with the database open.
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

const started = await runWebHost(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
})

if (typeof started === 'number') {
  process.exitCode = started
  process.off('SIGINT', stop)
  process.off('SIGTERM', stop)
} else {
  host = started
  if (stopping) close('SIGTERM')
}
