// `npm run bench [-- --json]`: every benchmark figure, as a table or as one JSON object.
// Figures are measured, never asserted: tests do not time anything.
import { chartFigures } from './charts.ts'
import { coreFigures } from './core.ts'
import { importHostileFigures } from './import-hostile.ts'
import { importLockFigures } from './import-lock.ts'
import { mainBlockFigures } from './main-block.ts'
import { rendererFigures } from './renderer.ts'
import { reportFigures } from './report.ts'
import { printFigures } from './print.ts'
import { SCALE_TARGETS, scaleFigures, scaleOf } from './scale.ts'
import { teamDatabaseFigures } from './team-database.ts'

const TARGETS: Record<string, string> = {
  open_migrate_ms: '≤ 50',
  list_10k_ms: '≤ 100',
  list_vs_bare_ratio: '≤ 3',
  mutation_p95_ms: '≤ 5',
  board_first_render_10k_ms: '≤ 500',
  tick_10k_ms: '≤ 4',
  timeline_render_10k_ms: '≤ 200',
  timeline_zoom_frame_10k_ms: '≤ 16',
  rate_series_10k_ms: '≤ 50',
  renderer_js_gzip_kb: '≤ 200',
  report_html_1k_ms: '≤ 300',
  report_pdf_1k_ms: '≤ 5000',
  import_hostile_12mb_rss_mb: '< 500',
  import_hostile_150mb_rss_mb: '< 500',
  import_lock_max_wait_25k_ms: '< 5000 (busy timeout)',
  import_lock_max_wait_25k_replace_ms: '< 5000 (busy timeout)',
  main_block_max_ms_import_10k: '≤ 50',
  pg_list_vs_sqlite_ratio: '≤ 3',
  pg_mutation_p95_ms: '≤ 20',
}

// `--scale 100k`: only the figures at that scale (bench/scale.ts), a separate run.
const scale = scaleOf(process.argv)
if (scale !== null) {
  printFigures(await scaleFigures(scale), SCALE_TARGETS)
  process.exit(0)
}

// One after another, so no figure is measured while another benchmark loads the machine.
const core = await coreFigures()
const team = await teamDatabaseFigures()
const figures: Record<string, number> = {
  ...core,
  ...team,
  // The team database's list against the file's, both measured in this run (target ≤ 3).
  ...(team.pg_list_10k_ms !== undefined && core.list_10k_ms ? { pg_list_vs_sqlite_ratio: team.pg_list_10k_ms / core.list_10k_ms } : {}),
  ...(await rendererFigures()),
  ...(await chartFigures()),
  ...(await reportFigures()),
  ...(await importHostileFigures()),
  ...(await importLockFigures()),
  ...(await mainBlockFigures()),
}
printFigures(figures, TARGETS)
