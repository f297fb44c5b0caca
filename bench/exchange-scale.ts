// Export, import and the status report at scale (issue 14), through the real command-line process, with its peak RSS
// (process.resourceUsage().maxRSS in the child itself):
//   export_100k_ms / export_100k_rss_mb   `export --out FILE` of a store of 100,000 generated measures
//                                         (bench/generate.ts: ~10 events each; a ~520 MB file)
//   import_100k_ms / import_100k_rss_mb   `import FILE` of that export into a new database
//   report_100k_ms / report_100k_rss_mb   `report --out FILE` (HTML, every measure) of the first store
// Run by `npm run bench -- --scale 100k`; `node bench/exchange-scale.ts [COUNT]` prints these alone (JSON).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCliProcess, type CliRun } from '../test/helpers/hostile-import.ts'
import { generateExchangeFile } from './generate.ts'

/**
 * Writes the generated file of `count` measures as `export` would lay it out, a measure at a time
 * (one string of it all would pass V8's longest string at this size).
 */
export async function writeGeneratedFile(path: string, count: number): Promise<void> {
  const { measures, ...head } = generateExchangeFile(count)
  const out = createWriteStream(path)
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)))
  const empty = JSON.stringify({ ...head, measures: [] }, null, 2)
  await write(empty.slice(0, empty.lastIndexOf('[]') + 1))
  for (const [n, measure] of measures.entries())
    await write(`${n === 0 ? '\n' : ',\n'}    ${JSON.stringify(measure, null, 2).replaceAll('\n', '\n    ')}`)
  await write(measures.length === 0 ? ']\n}\n' : '\n  ]\n}\n')
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Runs the command line; throws unless it exits 0. Returns the run and its wall-clock time. */
export async function timedCli(args: string[], rssFile: string): Promise<CliRun & { ms: number }> {
  const start = performance.now()
  const run = await runCliProcess(args, rssFile)
  const ms = performance.now() - start
  if (run.code !== 0) throw new Error(`${args.join(' ')}: exit ${run.code}: ${run.err.slice(0, 500)}`)
  return { ...run, ms }
}

export async function exchangeScaleFigures(count = 100_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-exchange-'))
  const label = count % 1000 === 0 ? `${count / 1000}k` : String(count)
  try {
    const generated = join(dir, 'generated.json')
    await writeGeneratedFile(generated, count)
    await timedCli(['--db', join(dir, 'a.db'), 'import', generated], join(dir, 'setup.rss'))
    rmSync(generated)
    const exported = join(dir, 'exported.json')
    const exportRun = await timedCli(['--db', join(dir, 'a.db'), 'export', '--out', exported], join(dir, 'export.rss'))
    const importRun = await timedCli(['--db', join(dir, 'b.db'), 'import', exported], join(dir, 'import.rss'))
    const exportedMb = statSync(exported).size / 1024 / 1024
    rmSync(exported)
    const report = join(dir, 'report.html')
    const reportRun = await timedCli(['--db', join(dir, 'a.db'), 'report', '--out', report], join(dir, 'report.rss'))
    return {
      [`export_${label}_ms`]: exportRun.ms,
      [`export_${label}_rss_mb`]: exportRun.peakRssMb,
      [`export_${label}_file_mb`]: exportedMb,
      [`import_${label}_ms`]: importRun.ms,
      [`import_${label}_rss_mb`]: importRun.peakRssMb,
      [`report_${label}_ms`]: reportRun.ms,
      [`report_${label}_rss_mb`]: reportRun.peakRssMb,
      [`report_${label}_file_mb`]: statSync(report).size / 1024 / 1024,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000)
  process.stdout.write(`${JSON.stringify(await exchangeScaleFigures(count))}\n`)
}
