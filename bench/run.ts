// `npm run bench [-- --json]`: every benchmark figure, as a table or as one JSON object.
import { coreFigures } from './core.ts'

const TARGETS: Record<string, string> = {
  open_migrate_ms: '≤ 50',
  list_10k_ms: '≤ 100',
  list_vs_bare_ratio: '≤ 3',
  mutation_p95_ms: '≤ 5',
}

const figures: Record<string, number> = { ...(await coreFigures()) }
const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 100) / 100]))

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(rounded)}\n`)
} else {
  const width = Math.max(...Object.keys(rounded).map((k) => k.length))
  process.stdout.write(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  target\n`)
  for (const [key, value] of Object.entries(rounded)) {
    process.stdout.write(`${key.padEnd(width)}  ${String(value).padStart(10)}  ${TARGETS[key] ?? ''}\n`)
  }
}
