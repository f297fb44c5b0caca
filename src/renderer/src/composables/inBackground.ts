// Work nobody waits for (a navigation from a menu command, an export the menu started, moving focus
// once Vue has rendered) still reports its failure: as the error toast an action's failure shows,
// not as an unhandled rejection only the console sees. Loads never need this: useServiceQuery's
// `refresh` and the stores' `refresh` return nothing, their failures are in `error`.
import { nextTick } from 'vue'
import { useToastStore } from '../stores/toasts.ts'

/** Lets `task` run on without waiting for it; a rejection shows "That did not work: …". */
export function inBackground(task: Promise<unknown>): void {
  task.catch((thrown: unknown) => {
    const message = thrown instanceof Error ? thrown.message : String(thrown)
    useToastStore().show({ messageKey: 'common.actionFailed', params: { message }, tone: 'error' })
  })
}

/** Runs `step` once Vue has applied the pending changes to the page (e.g. focus a field that just appeared). */
export function afterRender(step: () => void): void {
  inBackground(nextTick(step))
}
