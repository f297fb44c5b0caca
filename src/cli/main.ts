#!/usr/bin/env node
// Entry point: `npm run cli -- <command>` and the `measure-tracker` bin.
import { runCli } from './cli.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
})
