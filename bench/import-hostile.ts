// Import memory figures (issue 9): the peak RSS of the real command-line process (`node
// src/cli/main.ts import FILE`) refusing hostile files, and importing a valid 10,000-measure export
// for comparison. Measured with process.resourceUsage().maxRSS in the child itself.
//   import_hostile_12mb_rss_mb   12 MB: 100,000 measures, every one invalid (passes the byte scan,
//                                is parsed, and validation stops after 100 problems)
//   import_hostile_150mb_rss_mb  150 MB: 100,000 measures of 500 empty events (refused by the
//                                byte scan's parse budget before JSON.parse)
//   import_valid_10k_rss_mb      a generated 10,000-measure export (23 MB), imported
// `node bench/import-hostile.ts` prints these alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCliProcess, writeHostileFile } from '../test/helpers/hostile-import.ts'
import { generateExchangeFile } from './generate.ts'

export async function importHostileFigures(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-import-'))
  try {
    const run = async (name: string, expectedCode: number) => {
      const result = await runCliProcess(['--db', join(dir, `${name}.db`), 'import', join(dir, name)], join(dir, `${name}.rss`))
      if (result.code !== expectedCode) throw new Error(`import ${name}: exit ${result.code}: ${result.err.slice(0, 500)}`)
      rmSync(join(dir, name))
      return result.peakRssMb
    }
    const invalid = (i: number) =>
      `{"id":"X${i}","title":1,"imposer":"ZZ","target":"ZZ","category":"nope","events":[${i}],"sources":1,"summary":"${'x'.repeat(12)}"}`
    await writeHostileFile(join(dir, 'hostile-12mb.json'), 100_000, invalid)
    const hostile12 = await run('hostile-12mb.json', 2)
    const emptyEvents = `{"id":"a","events":[${Array(500).fill('{}').join(',')}]}`
    await writeHostileFile(join(dir, 'hostile-150mb.json'), 100_000, () => emptyEvents)
    const hostile150 = await run('hostile-150mb.json', 2)
    writeFileSync(join(dir, 'valid-10k.json'), JSON.stringify(generateExchangeFile(10_000), null, 2))
    const valid = await run('valid-10k.json', 0)
    return { import_hostile_12mb_rss_mb: hostile12, import_hostile_150mb_rss_mb: hostile150, import_valid_10k_rss_mb: valid }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [key, value] of Object.entries(await importHostileFigures())) process.stdout.write(`${key} ${Math.round(value)}\n`)
}
