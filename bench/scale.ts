// `npm run bench -- --scale 100k [--json]` (issue 14): the figures at that many measures, a separate
// run from the default one (which stays at 10,000). Each area adds its figures here.
import { exchangeScaleFigures } from './exchange-scale.ts'
import { boardScaleFigures } from './board-scale.ts'
import { pageFigures } from './page.ts'

export const SCALE_TARGETS: Record<string, string> = {
  export_100k_ms: '≤ 10000',
  export_100k_rss_mb: '≤ 500',
  import_100k_ms: '≤ 20000',
  import_100k_rss_mb: '≤ 500',
  list_page_100k_ms: '≤ 50',
  search_100k_ms: '≤ 30',
  board_first_render_100k_ms: '≤ 500',
  keystroke_100k_ms: '≤ 50',
  host_rss_board_100k_mb: '≤ 400',
}

/** The count after `--scale` (`100k`, `25000`), or null for the default run. */
export function scaleOf(argv: readonly string[]): number | null {
  const at = argv.indexOf('--scale')
  if (at < 0) return null
  const text = argv[at + 1] ?? ''
  const match = /^([0-9]+)(k?)$/i.exec(text)
  if (!match) throw new Error(`--scale takes a count such as 100k (got "${text}")`)
  return Number(match[1]) * (match[2] ? 1000 : 1)
}

// One after another, so no figure is measured while another benchmark loads the machine.
export async function scaleFigures(count: number): Promise<Record<string, number>> {
  return {
    ...(await exchangeScaleFigures(count)),
    // The board's windowed list (issue 14, board room).
    ...(await pageFigures(count)),
    ...(await boardScaleFigures(count)),
  }
}
