// Building the status report (report.build) and handing it on: print, save as PDF, save a file.
// Used by the report view and, for "Export CSV" from the menu, by the live-refresh composable
// (kept small: the view itself loads on demand).
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ReportFormat } from '../../../../shared/api-inputs.ts'
import type { ReportFile } from '../../../../shared/api-views.ts'
import type { Result } from '../../../../shared/result.ts'
import { useClient } from '../../api/client.ts'
import {
  initialForm,
  listFilterOf,
  loadPrefs,
  optionsOf,
  pdfFilename,
  printRequestOf,
  type ReportOptionsInput,
} from '../../logic/report-options.ts'
import { browserStorage } from '../../logic/storage.ts'
import { userZone } from '../../logic/zone.ts'
import type { BoardFilter } from '../../logic/board-filter.ts'
import { useBoardStore } from '../../stores/board.ts'
import { useClockStore } from '../../stores/clock.ts'
import { useToastStore } from '../../stores/toasts.ts'

export function useReportActions() {
  const toasts = useToastStore()
  const busy = ref(false)

  function build(options: ReportOptionsInput, format: ReportFormat): Promise<Result<ReportFile>> {
    return useClient().call('report.build', { options, format })
  }

  function failed(message: string): void {
    toasts.show({ messageKey: 'reportView.failed', params: { message }, tone: 'error' })
  }

  async function run<T>(task: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null
    busy.value = true
    try {
      return await task()
    } finally {
      busy.value = false
    }
  }

  /** Opens the print dialog on `html` (built with `options`). True when the dialog was opened. */
  function print(html: string, options: ReportOptionsInput): Promise<boolean | null> {
    return run(async () => {
      const result = await useClient().printHtml(printRequestOf(html, options))
      if (!result.ok) failed(result.error.message)
      return result.ok
    })
  }

  /** Saves `html` as PDF. Resolves to the saved path; null when cancelled, failed or left to a browser's dialog. */
  function savePdf(html: string, filename: string, options: ReportOptionsInput): Promise<string | null> {
    return run(async () => {
      const result = await useClient().saveHtmlAsPdf({ ...printRequestOf(html, options), filename: pdfFilename(filename) })
      if (!result.ok) {
        failed(result.error.message)
        return null
      }
      if (result.value === null) return null
      toasts.show({ messageKey: 'reportView.saved', params: { path: result.value.path } })
      return result.value.path
    })
  }

  /** Builds the report as CSV or Markdown and saves it (desktop: save dialog; browser: a download). */
  function exportFile(options: ReportOptionsInput, format: 'csv' | 'md'): Promise<string | null> {
    return run(async () => {
      const file = await build(options, format)
      if (!file.ok) {
        failed(file.error.message)
        return null
      }
      const saved = await useClient().saveFile({
        filename: file.value.filename,
        mimeType: file.value.mimeType,
        content: file.value.content,
      })
      if (!saved.ok) {
        failed(saved.error.message)
        return null
      }
      if (saved.value === null) return null
      toasts.show({ messageKey: 'reportView.saved', params: { path: saved.value.path } })
      return saved.value.path
    })
  }

  /** In a browser (not the desktop app): printing and PDF go through the browser's print dialog. */
  const inBrowser = useClient().transport === 'http'

  return { busy, inBrowser, build, print, savePdf, exportFile }
}

/** "Export CSV" from the menu, away from the report view: the board's as-of instant and filters, in the UI language. */
export function useBoardReportCsv() {
  const { locale } = useI18n()
  const board = useBoardStore()
  const clock = useClockStore()
  const actions = useReportActions()
  return () => actions.exportFile(boardReportOptions({ asOf: clock.asOf, filter: board.filter, locale: locale.value }), 'csv')
}

/**
 * The report options for what the board shows (its as-of instant and filters), in `locale`, with
 * the remembered paper choices: the menu's "Export CSV" without opening the report view.
 */
export function boardReportOptions(board: { asOf: string | null; filter: BoardFilter; locale: string }): ReportOptionsInput {
  const language = typeof navigator === 'undefined' ? undefined : navigator.language
  const form = initialForm({
    asOf: board.asOf,
    filter: board.filter,
    locale: board.locale,
    prefs: loadPrefs(browserStorage(), language),
    zone: userZone(),
  })
  const result = optionsOf(form, userZone())
  // The board's own as-of instant and remembered days are always valid; fall back to now anyway.
  return result.ok ? result.options : { tz: userZone(), lang: form.lang, filter: listFilterOf(form.filter) }
}
