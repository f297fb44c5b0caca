// Settings → Calendar → Choose file… in the desktop app (issue 13): the native save dialog asks
// where to keep the subscribable calendar, the calendar is written there (atomically, as every
// output file), and only then does that path become the kept file — so a folder the app cannot
// write to is refused at once, not after the next change. The page never sends a path: this
// channel takes no input, and calendar.setSubscriptionFile is not exposed to it.
import type { CalendarFile, CalendarSubscription } from '../shared/api-views.ts'
import { fail, type Result } from '../shared/result.ts'
import type { CallableService } from './ipc.ts'
import { saveWithDialog, type SaveDialogDeps } from './save-file.ts'

export const CALENDAR_FILE_NAME = 'measure-tracker.ics'

export interface CalendarFileChooserDeps extends SaveDialogDeps {
  service: CallableService
  /** After a file was chosen (the keeper then looks after it). */
  onChosen?: () => void
}

export async function chooseCalendarFile(deps: CalendarFileChooserDeps): Promise<Result<CalendarSubscription | null>> {
  const current = (await deps.service.call('calendar.subscription', {})) as Result<CalendarSubscription>
  if (!current.ok) return current
  const calendar = (await deps.service.call('calendar.export', { locale: current.value.locale })) as Result<CalendarFile>
  if (!calendar.ok) return calendar
  const saved = await saveWithDialog(deps, CALENDAR_FILE_NAME, 'ics', calendar.value.content, {
    title: deps.t('main.calendarFileTitle'),
    // Choosing again starts where the file is now.
    ...(current.value.file ? { defaultPath: current.value.file.path } : {}),
  })
  if (!saved.ok || saved.value === null) return saved as Result<null>
  const chosen = (await deps.service.call('calendar.setSubscriptionFile', { path: saved.value.path })) as Result<CalendarSubscription>
  if (!chosen.ok) return fail(chosen.error.code, chosen.error.message, chosen.error.details)
  deps.onChosen?.()
  return chosen
}
