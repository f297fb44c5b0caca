// How to print the HTML report to PDF, in one place for every printer: Playwright's page.pdf()
// (tests, benchmark) and Electron's webContents.printToPDF() (the app). The page size, margins and
// the running header/footer with page numbers all come from the document's own @page rule, so the
// printer is told to prefer the CSS page size and to add no header/footer of its own.
import type { ReportOptions } from '../../shared/api-inputs.ts'

export interface ReportPrintSettings {
  /** 'A4' | 'Letter': Playwright `format`, Electron `pageSize`. */
  pageSize: ReportOptions['paper']
  landscape: boolean
  printBackground: true
  preferCSSPageSize: true
  displayHeaderFooter: false
}

export function printSettings(options: Pick<ReportOptions, 'paper' | 'orientation'>): ReportPrintSettings {
  return {
    pageSize: options.paper,
    landscape: options.orientation === 'landscape',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
  }
}

/** The same settings as Playwright page.pdf() options. */
export function playwrightPdfOptions(options: Pick<ReportOptions, 'paper' | 'orientation'>) {
  const settings = printSettings(options)
  return {
    format: settings.pageSize,
    landscape: settings.landscape,
    printBackground: settings.printBackground,
    preferCSSPageSize: settings.preferCSSPageSize,
    displayHeaderFooter: settings.displayHeaderFooter,
  }
}
