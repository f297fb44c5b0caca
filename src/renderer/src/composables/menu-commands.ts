// What the app's menu commands (Electron's native menu, sent as push events) do in the page.
import type { MenuCommand } from '../../../shared/bridge.ts'

export interface MenuActions {
  goBoard(): void
  newMeasure(): void
  focusSearch(): void
  /** Leaves the as-of view if one is shown, otherwise opens the as-of control. */
  toggleAsOf(): void
  /** Saves the calendar (.ics) of every measure. */
  exportCalendar?(): void
  /** Opens the report's print preview and the print dialog. */
  printReport?(): void
  /** Opens the report's print preview and saves it as PDF. */
  saveReportPdf?(): void
  /** Saves the report's status table as CSV (the board's as-of instant and filters). */
  exportReportCsv?(): void
}

export function runMenuCommand(command: MenuCommand, actions: MenuActions): boolean {
  switch (command) {
    case 'new-measure':
      actions.newMeasure()
      return true
    case 'find':
      actions.focusSearch()
      return true
    case 'go-board':
      actions.goBoard()
      return true
    case 'toggle-as-of':
      actions.toggleAsOf()
      return true
    case 'export-ics':
      if (!actions.exportCalendar) return false
      actions.exportCalendar()
      return true
    // The report view (views/ReportView.vue) builds the report; the host prints or saves it.
    case 'print-report':
      if (!actions.printReport) return false
      actions.printReport()
      return true
    case 'save-pdf':
      if (!actions.saveReportPdf) return false
      actions.saveReportPdf()
      return true
    case 'export-csv':
      if (!actions.exportReportCsv) return false
      actions.exportReportCsv()
      return true
  }
}
