// The board at scale in Debian's Chromium against the browser host (issue 14): a store of N
// generated measures (bench/generate.ts through the real import, built in a child process so the
// host's memory is the host's alone). Figures, never assertions:
//   board_first_render_<n>_ms      navigation to the board's rows painted (mt:board-painted)
//   board_data_to_paint_<n>_ms     the first window's answer to painted rows (as board_first_render_10k_ms)
//   keystroke_<n>_ms               a word typed in the search box to the updated rows and count
//   host_rss_board_<n>_mb          the host process's resident memory with the board open
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../test/helpers/chromium.ts'
import { openStore } from '../src/core/open.ts'
import { startWebHost } from '../src/web/host.ts'
import { median } from './measure.ts'
import { importGenerated } from './page.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const label = (count: number) => `${Math.round(count / 1000)}k`

/** A store of `count` generated measures at `dbPath`, imported in slices, summaries computed. */
export async function makeStore(dbPath: string, count: number): Promise<void> {
  const store = await openStore({ path: dbPath, actor: 'bench', seed: false })
  importGenerated(store, count)
  // The first read after an import computes every summary (summary_refresh_<n>_ms in bench/page.ts).
  const warm = store.core.call('measures.page', { limit: 0 })
  if (!warm.ok) throw new Error(warm.error.message)
  store.close()
}

async function firstRender(page: Page, url: string): Promise<{ navigation: number; dataToPaint: number }> {
  await page.goto(url)
  // Told by the page's own mark, not by polling: waitForFunction runs Playwright's injected script in
  // the page on every frame, on the main thread whose work this figure measures (15–40 ms of it fell
  // between the rows' frame and the mark under load).
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const timeout = setTimeout(() => fail(new Error('the board was not painted within 120 s')), 120_000)
        new PerformanceObserver((marks, observer) => {
          if (marks.getEntriesByName('mt:board-painted').length === 0) return
          observer.disconnect()
          clearTimeout(timeout)
          done()
        }).observe({ type: 'mark', buffered: true })
      }),
  )
  return page.evaluate(() => {
    const data = performance.getEntriesByName('mt:board-data')[0]!
    const painted = performance.getEntriesByName('mt:board-painted').find((mark) => mark.startTime >= data.startTime)!
    return { navigation: painted.startTime, dataToPaint: painted.startTime - data.startTime }
  })
}

/** Types `word` into the search box (one input event) and waits for the count line to say "Showing <shown>". */
async function keystroke(page: Page, searchId: string, word: string, shown: string): Promise<number> {
  return page.evaluate(
    ({ id, text, expected }) =>
      new Promise<number>((done, fail) => {
        const input = document.getElementById(id) as HTMLInputElement
        const count = document.querySelector('.count')!
        const start = performance.now()
        const observer = new MutationObserver(() => {
          if (!count.textContent?.includes(expected)) return
          observer.disconnect()
          // The rows are patched in the same flush as the count; wait for them to be laid out.
          void document.body.offsetHeight
          done(performance.now() - start)
        })
        observer.observe(count, { childList: true, subtree: true, characterData: true })
        setTimeout(() => fail(new Error(`no answer to "${text}"`)), 30_000)
        input.value = text
        input.dispatchEvent(new Event('input', { bubbles: true }))
      }),
    { id: searchId, text: word, expected: `Showing ${shown} of` },
  )
}

async function clearSearch(page: Page, searchId: string): Promise<void> {
  await page.locator(`#${searchId}`).fill('')
  await page.waitForFunction(() => !document.querySelector('.count')?.textContent?.includes('Showing'))
}

export async function boardScaleFigures(count: number): Promise<Record<string, number>> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`no built renderer in ${RENDERER_DIR}: run \`npm run build\` first`)
  const n = label(count)
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-board-'))
  const dbPath = join(dir, 'board.db')
  try {
    const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'make-store', dbPath, String(count)], { stdio: 'inherit' })
    if (made.status !== 0) throw new Error('could not build the store')
    const host = await startWebHost({ dbPath, port: 0, rendererDir: RENDERER_DIR, actor: 'bench' })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })
      const page = await context.newPage()
      const loads: { navigation: number; dataToPaint: number }[] = []
      for (let i = 0; i < 3; i++) loads.push(await firstRender(page, host.url))
      const rows = await page.getByRole('table', { name: 'Measure list' }).getByRole('row').count()
      if (rows < 5) throw new Error(`the board shows only ${rows} rows`)
      const searchId = (await page.getByLabel('Search').getAttribute('id'))!
      const strokes: number[] = []
      for (const word of ['tag-3', 'tag-5', 'tag-9', 'tag-11', 'tag-13']) {
        // Measure i has the tag tag-(i mod 20): each word finds one measure in twenty.
        strokes.push(await keystroke(page, searchId, word, (count / 20).toLocaleString('en-US')))
        await clearSearch(page, searchId)
      }
      const rss = process.memoryUsage().rss / 2 ** 20
      await context.close()
      return {
        [`board_first_render_${n}_ms`]: median(loads.map((load) => load.navigation)),
        [`board_data_to_paint_${n}_ms`]: median(loads.map((load) => load.dataToPaint)),
        [`keystroke_${n}_ms`]: median(strokes),
        [`host_rss_board_${n}_mb`]: rss,
      }
    } finally {
      await browser.close()
      await host.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  if (process.argv[2] === 'make-store') await makeStore(process.argv[3]!, Number(process.argv[4]))
  else process.stdout.write(`${JSON.stringify(await boardScaleFigures(Number(process.argv[2] ?? 10_000)))}\n`)
}
