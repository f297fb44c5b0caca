// "Print brief…" and "Save brief as PDF…" on the measure page: the service builds the measure's
// one-page brief (report.brief) as the page shows it — the UI language, the reader's zone, the
// board's as-of instant — on the paper the report view last used, and the host prints it or saves
// it as PDF through the report's own paths (useReportActions: the desktop app's print window and
// printToPDF, a browser's print dialog), always in portrait.
import { useI18n } from 'vue-i18n'
import type { ReportFile } from '../../../shared/api-views.ts'
import { useClient } from '../api/client.ts'
import { useReportActions } from '../components/report/useReportActions.ts'
import { loadPrefs, reportLocale, type ReportOptionsInput } from '../logic/report-options.ts'
import { browserStorage } from '../logic/storage.ts'
import { userZone } from '../logic/zone.ts'
import { useClockStore } from '../stores/clock.ts'
import { useToastStore } from '../stores/toasts.ts'

export function useMeasureBrief() {
  const { locale } = useI18n()
  const clock = useClockStore()
  const toasts = useToastStore()
  const actions = useReportActions()

  async function build(measureId: string): Promise<{ file: ReportFile; paper: ReportOptionsInput } | null> {
    const language = typeof navigator === 'undefined' ? undefined : navigator.language
    const paper = loadPrefs(browserStorage(), language).paper
    const options = { lang: reportLocale(locale.value), paper, tz: userZone(), ...(clock.asOf === null ? {} : { at: clock.asOf }) }
    const file = await useClient().call('report.brief', { id: measureId, options, format: 'html' })
    if (file.ok) return { file: file.value, paper: { paper, orientation: 'portrait' } }
    toasts.show({ messageKey: 'reportView.failed', params: { message: file.error.message }, tone: 'error' })
    return null
  }

  /** Opens the print dialog on the brief. */
  async function print(measureId: string): Promise<void> {
    const brief = await build(measureId)
    if (brief) await actions.print(brief.file.content, brief.paper)
  }

  /** Saves the brief as PDF (a browser: its print dialog, "Save as PDF"). */
  async function savePdf(measureId: string): Promise<void> {
    const brief = await build(measureId)
    if (brief) await actions.savePdf(brief.file.content, brief.file.filename, brief.paper)
  }

  return { print, savePdf, busy: actions.busy }
}
