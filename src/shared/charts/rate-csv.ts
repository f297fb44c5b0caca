// The rate series as CSV: one row from each change on — the instant in UTC (ISO 8601), the total
// and each stacked measure's rate in effect (empty when unknown), measures as columns by id.
// Every cell is a number, an ISO instant or a measure id (lower-case letters, digits, . _ -), so no
// cell can start a spreadsheet formula; only the two header words are quoted when they need it.
import type { RateSeries } from './model.ts'
import { stepAt } from './stack.ts'

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

export function rateCsv(series: RateSeries, header: { from: string; total: string }): string {
  const lines = [[quoted(header.from), quoted(header.total), ...series.layers.map((layer) => layer.id)].join(',')]
  const instants = [...new Set(series.layers.flatMap((layer) => layer.steps.map((step) => step.atMs)))].sort((a, b) => a - b)
  for (const atMs of instants) {
    const total = stepAt(series.points, atMs)?.total ?? 0
    const values = series.layers.map((layer) => {
      const value = stepAt(layer.steps, atMs)?.value
      return value === null || value === undefined ? '' : String(value)
    })
    lines.push([new Date(atMs).toISOString(), String(total), ...values].join(','))
  }
  return `\uFEFF${lines.join('\n')}\n`
}
