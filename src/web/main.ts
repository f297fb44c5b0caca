#!/usr/bin/env node
// Entry point of `npm run web`: starts the browser host, prints its URL, stops cleanly on
// Ctrl+C or SIGTERM. (npm runs the `preweb` script, the renderer build, first.)
import { runWebHost } from './cli.ts'

const started = await runWebHost(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
})

if (typeof started === 'number') {
  process.exitCode = started
} else {
  const host = started
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C does not wait for open connections.
      process.exit(130)
    }
    stopping = true
    host.close().then(
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
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
