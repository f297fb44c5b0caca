// How `npm run bench` prints its figures: one JSON object with --json, else a table with targets.
export function printFigures(figures: Record<string, number>, targets: Record<string, string>): void {
  const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 100) / 100]))
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rounded)}\n`)
    return
  }
  const width = Math.max(...Object.keys(rounded).map((k) => k.length))
  process.stdout.write(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  target\n`)
  for (const [key, value] of Object.entries(rounded)) {
    process.stdout.write(`${key.padEnd(width)}  ${String(value).padStart(10)}  ${targets[key] ?? ''}\n`)
  }
}
