// Hostile exchange files written straight to disk (never committed: they are megabytes) and a
// runner for the real command-line process that reports its peak memory.
import { spawn } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { join } from 'node:path'

const HEADER = '{"format":"measure-tracker","version":1,"measures":['

/** Writes HEADER, `count` copies of what `element(i)` returns joined by commas, and the end. */
export async function writeHostileFile(path: string, count: number, element: (i: number) => string): Promise<void> {
  const out = createWriteStream(path)
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)))
  await write(HEADER)
  let chunk = ''
  for (let i = 0; i < count; i++) {
    chunk += (i === 0 ? '' : ',') + element(i)
    if (chunk.length > 1 << 20) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(`${chunk}]}`)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

export interface CliRun {
  code: number | null
  out: string
  err: string
  /** Peak resident set size of the command's process, in megabytes. */
  peakRssMb: number
}

const ROOT = join(import.meta.dirname, '..', '..')

/** Runs `node src/cli/main.ts ...args` as its own process and measures its peak RSS. */
export function runCliProcess(args: string[], rssFile: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', join(ROOT, 'test/helpers/report-peak-rss.ts'), join(ROOT, 'src/cli/main.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, MT_PEAK_RSS_FILE: rssFile, NO_COLOR: '1' },
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (data: Buffer) => (out += data.toString()))
    child.stderr.on('data', (data: Buffer) => (err += data.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      // A process killed by running out of memory never reaches its exit handler.
      let peakRssMb = Number.POSITIVE_INFINITY
      try {
        peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024
      } catch {
        // No report: the process died before exiting normally; Infinity fails any ceiling.
      }
      resolve({ code, out, err, peakRssMb })
    })
  })
}
