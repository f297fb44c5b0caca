// Renderer figures, in Debian's Chromium against the browser host over a generated store of
// 10,000 measures (bench/generate.ts, imported through the real exchange import):
//
// - board_first_render_10k_ms: from the board's data arriving (performance mark 'mt:board-data',
//   set in stores/board.ts when measures.list answers) to the rows painted ('mt:board-painted',
//   set by BoardTable in the animation frame after Vue patched the DOM). Median of 3 page loads.
// - tick_10k_ms: one tick of the page's shared clock with the 10,000 measures loaded, as the
//   main thread spends it: the clock's timer task (the reactive write, Vue's re-render of the
//   countdowns on screen and the DOM patch, all in that task's microtasks) plus the rendering task
//   of the frame that follows (style, layout, pre-paint, paint, layerize, commit). Read from a
//   Chrome trace: the clock (stores/clock.ts) is the page's only 1-second setInterval; an init
//   script notes its timer id, and the trace's TimerFire events with that id mark its tasks.
//   Median of 20 consecutive real ticks (about 20 s: the clock ticks once a second, and each real
//   tick changes the seconds on every countdown shown). MT_BENCH_DEBUG=1 prints each tick's two
//   parts (timer task, frame, and the frame's rendering steps) on stderr.
// - timeline_render_10k_ms: the timeline view (issue 15) with the same store, from its data arriving
//   ('mt:timeline-data', set when charts.data answers) to its lanes painted ('mt:timeline-painted',
//   the animation frame after Vue drew the visible lanes). Median of 3 page loads.
// - timeline_zoom_frame_10k_ms: one zoom or pan step on that timeline (the keys + → − ←, in turn),
//   from the key event to the patched drawing's style and layout done (a forced layout after
//   Vue's flush; the paint that follows is not included). Median of 24 steps.
// - renderer_js_gzip_kb: the initial JavaScript — the <script type="module"> entry of
//   out/renderer/index.html plus the chunks it modulepreloads — each gzipped (zlib defaults, as
//   a web server would) and summed, in KB (1,024 bytes).
//
// Needs the built renderer (`npm run build`); does not build it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../test/helpers/chromium.ts'
import { openStore } from '../src/core/open.ts'
import { startWebHost } from '../src/web/host.ts'
import { generateExchangeFile } from './generate.ts'
import { median } from './measure.ts'

export const RENDERER_MEASURE_COUNT = 10_000
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const PAGE_LOADS = 3
const TICKS = 20
const TICK_MS = 1000

export interface RendererFigures {
  board_first_render_10k_ms: number
  tick_10k_ms: number
  timeline_render_10k_ms: number
  timeline_zoom_frame_10k_ms: number
  renderer_js_gzip_kb: number
}

/** The initial JavaScript of the built page: its module entry and the chunks it modulepreloads. */
export function initialScripts(rendererDir = RENDERER_DIR): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1]
  const files: string[] = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (attr(tag, 'type') === 'module' && attr(tag, 'src')) files.push(attr(tag, 'src')!)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (attr(tag, 'rel') === 'modulepreload' && attr(tag, 'href')) files.push(attr(tag, 'href')!)
  }
  if (files.length === 0) throw new Error(`no module script in ${join(rendererDir, 'index.html')}`)
  return [...new Set(files)].map((file) => resolve(rendererDir, file))
}

export function initialJsGzipKb(rendererDir = RENDERER_DIR): number {
  let bytes = 0
  for (const file of initialScripts(rendererDir)) bytes += gzipSync(readFileSync(file)).length
  return bytes / 1024
}

/**
 * Runs before the app's scripts: notes the id of every 1-second interval (the shared clock) in
 * window.__mtTicks, and counts its callbacks. Nothing is added to the callback's own work: its
 * task is found in the trace by that id (TimerFire's timerId).
 */
function instrumentClock(tickMs: number): void {
  const state = { ticks: 0, timerIds: [] as number[] }
  ;(window as unknown as { __mtTicks: typeof state }).__mtTicks = state
  const original = window.setInterval.bind(window)
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    if (timeout !== tickMs || typeof handler !== 'function') return original(handler, timeout, ...args)
    const id = original(() => {
      state.ticks++
      ;(handler as (...a: unknown[]) => void)(...args)
    }, timeout)
    state.timerIds.push(id)
    return id
  }) as typeof window.setInterval
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { timerId?: number } }
}

const RENDER_STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'])

/** Per firing of the clock's timer: its task plus the next task that renders a frame, in ms. */
export function tickCosts(events: readonly TraceEvent[], clockTimerIds: readonly number[]): number[] {
  const fires = events
    .filter((e) => e.name === 'TimerFire' && clockTimerIds.includes(e.args?.data?.timerId ?? NaN))
    .sort((a, b) => a.ts - b.ts)
  if (fires.length === 0) return []
  const { pid, tid } = fires[0]!
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts)
  const renders = onMain.filter((e) => RENDER_STEPS.has(e.name))
  const within = (outer: TraceEvent, ts: number) => ts >= outer.ts && ts < outer.ts + outer.dur!
  const costs: number[] = []
  fires.forEach((fire, i) => {
    const tick = tasks.find((task) => within(task, fire.ts))
    if (!tick) return
    const end = tick.ts + tick.dur!
    const before = fires[i + 1]?.ts ?? Infinity
    const frame = tasks.find((task) => task.ts >= end && task.ts < before && renders.some((step) => within(task, step.ts)))
    if (process.env.MT_BENCH_DEBUG) {
      const steps = frame
        ? renders.filter((step) => within(frame, step.ts)).map((step) => `${step.name} ${(step.dur! / 1000).toFixed(2)}`)
        : []
      process.stderr.write(
        `clock tick: task ${(tick.dur! / 1000).toFixed(2)} ms + frame ${((frame?.dur ?? 0) / 1000).toFixed(2)} ms (${steps.join(', ')})\n`,
      )
    }
    costs.push((tick.dur! + (frame?.dur ?? 0)) / 1000)
  })
  return costs
}

/** Traces the page's main thread until `count` more clock ticks have run; returns their costs. */
async function traceTicks(page: Page, count: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (batch) => events.push(...(batch.value as unknown as TraceEvent[])))
  const complete = new Promise<void>((resolveComplete) => cdp.once('Tracing.tracingComplete', () => resolveComplete()))
  const clock = () => page.evaluate(() => (window as unknown as { __mtTicks: { ticks: number; timerIds: number[] } }).__mtTicks)
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  })
  // One more than asked: the tick under way when tracing started may be cut off.
  const target = (await clock()).ticks + count + 2
  await page.waitForFunction((n) => (window as unknown as { __mtTicks: { ticks: number } }).__mtTicks.ticks >= n, target, {
    timeout: (count + 10) * TICK_MS,
    polling: 250,
  })
  // Let the last tick's frame render before stopping.
  await page.evaluate(() => new Promise((resolveFrame) => requestAnimationFrame(() => setTimeout(resolveFrame, 50))))
  await cdp.send('Tracing.end')
  await complete
  await cdp.detach()
  return tickCosts(events, (await clock()).timerIds).slice(1, count + 1)
}

async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url)
  await page.waitForFunction(() => performance.getEntriesByName('mt:board-painted').length > 0, null, { timeout: 60_000 })
  const rows = await page.getByRole('table', { name: 'Measure list' }).getByRole('row').count()
  if (rows < 5) throw new Error(`the board shows only ${rows} rows`)
  return page.evaluate(() => {
    const data = performance.getEntriesByName('mt:board-data')[0]!
    const painted = performance.getEntriesByName('mt:board-painted').find((mark) => mark.startTime >= data.startTime)!
    return painted.startTime - data.startTime
  })
}

async function timelineRender(page: Page, url: string): Promise<number> {
  await page.goto(url)
  await page.waitForFunction(() => performance.getEntriesByName('mt:timeline-painted').length > 0, null, { timeout: 60_000 })
  return page.evaluate(() => {
    const data = performance.getEntriesByName('mt:timeline-data')[0]!
    const painted = performance.getEntriesByName('mt:timeline-painted').find((mark) => mark.startTime >= data.startTime)!
    return painted.startTime - data.startTime
  })
}

/** Zoom and pan steps on the loaded timeline, each from the key to the drawing laid out. */
async function timelineFrames(page: Page, steps: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const chart = document.querySelector<HTMLElement>('.timeline-scroller')
    if (!chart) throw new Error('no timeline chart')
    const keys = ['+', 'ArrowRight', '-', 'ArrowLeft']
    const costs: number[] = []
    for (let i = 0; i < count; i++) {
      const start = performance.now()
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % keys.length], bubbles: true }))
      // Vue patches in a microtask queued by the change; then force style and layout.
      await Promise.resolve()
      void document.body.offsetHeight
      costs.push(performance.now() - start)
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)))
    }
    return costs
  }, steps)
}

export async function rendererFigures(): Promise<RendererFigures> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`no built renderer in ${RENDERER_DIR}: run \`npm run build\` first`)
  const renderer_js_gzip_kb = initialJsGzipKb()

  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-renderer-'))
  const dbPath = join(dir, 'renderer.db')
  try {
    const store = await openStore({ path: dbPath, actor: 'bench', seed: false })
    const imported = store.core.call('exchange.import', { file: generateExchangeFile(RENDERER_MEASURE_COUNT) })
    store.close()
    if (!imported.ok) throw new Error(imported.error.message)

    const host = await startWebHost({ dbPath, port: 0, rendererDir: RENDERER_DIR, actor: 'bench' })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })
      const page = await context.newPage()
      await page.addInitScript(instrumentClock, TICK_MS)

      const loads: number[] = []
      for (let i = 0; i < PAGE_LOADS; i++) loads.push(await firstRender(page, host.url))
      const status = page
        .getByRole('main')
        .getByRole('status')
        .filter({ hasText: /measures/ })
        .first()
      const count = (await status.textContent()) ?? ''
      if (!count.replace(/\D/g, '').includes(String(RENDERER_MEASURE_COUNT)))
        throw new Error(`the board did not load ${RENDERER_MEASURE_COUNT} measures: "${count}"`)

      // Ticks of the last page load, once its first render has settled.
      await page.waitForTimeout(1_500)
      const ticks = await traceTicks(page, TICKS)
      if (ticks.length < TICKS) throw new Error(`only ${ticks.length} clock ticks found in the trace`)

      const timelineLoads: number[] = []
      for (let i = 0; i < PAGE_LOADS; i++) timelineLoads.push(await timelineRender(page, `${host.baseUrl}#/timeline`))
      const lanes = await page.locator('.timeline-chart [data-open]').count()
      if (lanes < 5 || lanes > 200) throw new Error(`the timeline draws ${lanes} lanes: not virtualised, or not loaded`)
      const frames = await timelineFrames(page, 24)
      await context.close()
      return {
        board_first_render_10k_ms: median(loads),
        tick_10k_ms: median(ticks),
        timeline_render_10k_ms: median(timelineLoads),
        timeline_zoom_frame_10k_ms: median(frames),
        renderer_js_gzip_kb,
      }
    } finally {
      await browser.close()
      await host.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// `node bench/renderer.ts` on its own prints the three figures as JSON.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await rendererFigures())}\n`)
}
