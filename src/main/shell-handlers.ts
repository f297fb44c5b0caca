// Main's handler for each shell function of the contract (src/shared/shell-api.ts), from the
// app's parts: the system browser, the save/print/PDF outputs (print.ts), the calendar file's
// dialog (calendar-file.ts) and the updater (updater.ts). The dispatcher (ipc.ts) has already
// checked the sender and parsed the input against the table's schema; a web link is checked once
// more here against the http(s) rules (external-url.ts), which a schema of plain text cannot say.
import type { CalendarSubscription } from '../shared/api-views.ts'
import type { OpenedDataset } from '../shared/dataset-update.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import { toSafeExternalUrl } from './external-url.ts'
import type { ShellHandlers } from './ipc.ts'
import type { OutputHandlers } from './print.ts'
import type { TeamDatabaseChoice } from './team-database-choice.ts'
import type { Updater } from './updater.ts'

export interface ShellHandlerParts {
  /** Opens a web link in the system browser (externalOpener(shell) in the app). */
  openExternal: (url: string) => Promise<unknown>
  /** Save a file, print, save as PDF (print.ts: outputHandlers). */
  output: OutputHandlers
  /** Settings → Calendar → Choose file… (calendar-file.ts). */
  chooseCalendarFile: () => Promise<Result<CalendarSubscription | null>>
  /** Settings → Dataset → Open dataset file… (dataset-file.ts). */
  openDatasetFile: () => Promise<Result<OpenedDataset | null>>
  /** Settings → Updates. */
  updater: Pick<Updater, 'status' | 'configure' | 'check' | 'download' | 'install'>
  /** Settings → Team database (team-database-choice.ts). */
  teamDatabase: Pick<TeamDatabaseChoice, 'status' | 'connect' | 'disconnect'>
}

const NOT_A_WEB_LINK = 'Only http and https links can be opened.'

export function shellHandlers(parts: ShellHandlerParts): ShellHandlers {
  const { output, updater } = parts
  return {
    async openExternal(url) {
      const safe = toSafeExternalUrl(url)
      if (!safe) return fail('VALIDATION', NOT_A_WEB_LINK, { issues: [{ path: [], message: NOT_A_WEB_LINK }] })
      try {
        await parts.openExternal(safe)
        return ok(null)
      } catch (error) {
        return fail('INTERNAL', `The link could not be opened: ${(error as Error)?.message ?? String(error)}`)
      }
    },
    saveFile: (request) => output.saveFile(request),
    printHtml: (request) => output.printHtml(request),
    saveHtmlAsPdf: (request) => output.saveHtmlAsPdf(request),
    chooseCalendarFile: () => parts.chooseCalendarFile(),
    openDatasetFile: () => parts.openDatasetFile(),
    'updates.status': () => ok(updater.status()),
    'updates.configure': (preferences) => updater.configure(preferences),
    'updates.check': () => updater.check(),
    'updates.download': () => updater.download(),
    'updates.install': () => updater.install(),
    'teamDatabase.status': async () => ok(await parts.teamDatabase.status()),
    'teamDatabase.connect': (request) => parts.teamDatabase.connect(request),
    'teamDatabase.disconnect': () => parts.teamDatabase.disconnect(),
  }
}
