// What the app's menu commands (Electron's native menu, sent as push events) do in the page.
import type { MenuCommand } from '../../../shared/bridge.ts'

export interface MenuActions {
  goBoard(): void
  newMeasure(): void
  focusSearch(): void
  /** Leaves the as-of view if one is shown, otherwise opens the as-of control. */
  toggleAsOf(): void
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
    // Printing, PDF and calendar/CSV export are done by the host (main process) and come with the
    // report issue; the page has nothing to do for them yet.
    case 'print-report':
    case 'save-pdf':
    case 'export-ics':
    case 'export-csv':
      return false
  }
}
