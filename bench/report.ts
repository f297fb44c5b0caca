// Report figures: the status report for 1,000 generated measures built to HTML through the
// service (report_html_1k_ms), and that HTML printed to PDF in Chromium with the app's print
// settings (report_pdf_1k_ms: emulateMedia('print') + setContent + page.pdf; the browser launch is
// not counted).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { openStore } from '../src/core/open.ts'
import { playwrightPdfOptions } from '../src/core/report/print.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../test/helpers/chromium.ts'
import { generateExchangeFile } from './generate.ts'
import { median, time } from './measure.ts'

export const REPORT_MEASURE_COUNT = 1_000

export async function reportFigures(): Promise<{ report_html_1k_ms: number; report_pdf_1k_ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'mt-bench-report-'))
  try {
    const store = await openStore({ path: join(dir, 'report.db'), actor: 'bench', seed: false })
    const imported = store.core.call('exchange.import', { file: generateExchangeFile(REPORT_MEASURE_COUNT) })
    if (!imported.ok) throw new Error(imported.error.message)

    // Mid-life of the generated measures: suspensions, deadlines and counter-measures all show.
    const options = { at: '2025-06-01T12:00:00+00:00[UTC]', includeNotes: true, paper: 'A4', orientation: 'landscape' } as const
    let html = ''
    const build = () => {
      const result = store.core.call('report.build', { options, format: 'html' })
      if (!result.ok) throw new Error(result.error.message)
      html = result.value.content
    }
    build()
    const htmlRuns: number[] = []
    for (let i = 0; i < 7; i++) htmlRuns.push(await time(build))
    store.close()

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const pdfRuns: number[] = []
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage()
        pdfRuns.push(
          await time(async () => {
            // Laid out for print from the start: Chromium then skips the screen layout it would
            // otherwise do first and redo after printing (about a third of the time).
            await page.emulateMedia({ media: 'print' })
            await page.setContent(html)
            const pdf = await page.pdf(playwrightPdfOptions(options))
            if (pdf.length < 1_000) throw new Error('empty PDF')
          }),
        )
        await page.close()
      }
      return { report_html_1k_ms: median(htmlRuns), report_pdf_1k_ms: median(pdfRuns) }
    } finally {
      await browser.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// `node bench/report.ts` prints the figures on their own.
if (import.meta.main) process.stdout.write(`${JSON.stringify(await reportFigures())}\n`)
