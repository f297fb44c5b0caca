// The changes the pages make to measures, by name: a measure's facts, deleting and restoring it,
// its notes and tags, recording an event or an outcome. Components call these rather than the
// client, so the contract's method names and input shapes live here. Each answers the service's
// Result as is (the page decides what to say and where focus goes); `afterChange` then fetches
// what shows a note or tag change. (Changes to the measure shown — events, date choices, progress
// figures — are the measure store's: it reloads the detail itself.)
import type { Input } from '../../../shared/api.ts'
import type { EventInput } from '../../../shared/api-inputs.ts'
import type { ApiError } from '../../../shared/result.ts'
import { isStaleChange } from '../../../shared/revision.ts'
import { useClient } from '../api/client.ts'
import { serviceErrorText, type Messages } from '../logic/service-error.ts'
import { inBackground } from './inBackground.ts'
import { useBoardStore } from '../stores/board.ts'
import { useMeasureStore } from '../stores/measure.ts'

export function useMeasureChanges() {
  const measure = useMeasureStore()
  const board = useBoardStore()
  /**
   * After a note or tag change: fetch the measure again, and the board's rows when they are
   * loaded — its Tag filter, note counts and note search come from them. (The browser host also
   * echoes 'data-changed'; Electron does not echo a window's own changes.)
   */
  async function afterChange(): Promise<void> {
    // The board reloads alongside; its failure shows on the board (board.error), not here.
    if (board.loaded) board.refresh()
    await measure.reload()
  }
  /** The revision a change of this measure is based on: the one its page shows (issue 17; none from elsewhere). */
  const basedOn = (measureId: string) => ({
    measureId,
    baseRevision: measure.detail?.id === measureId ? measure.detail.editRevision : undefined,
  })

  return {
    /** Creates a measure (no id) or changes the facts of one, based on the revision the form was filled from. */
    saveFacts: (id: string | undefined, facts: Input<'measures.create'>['facts'], baseRevision?: string) =>
      id === undefined ? useClient().call('measures.create', { facts }) : useClient().call('measures.update', { id, facts, baseRevision }),
    /** The measure as it now is (the edit form after a save refused because it changed meanwhile). */
    latest: (id: string) => useClient().call('measures.get', { id }),
    deleteMeasure: (id: string) => useClient().call('measures.delete', { id, baseRevision: basedOn(id).baseRevision }),
    restoreMeasure: (id: string) => useClient().call('measures.restore', { id, baseRevision: basedOn(id).baseRevision }),

    addNote: (measureId: string, body: string) => useClient().call('notes.add', { ...basedOn(measureId), body }),
    editNote: (measureId: string, noteId: string, body: string) => useClient().call('notes.edit', { ...basedOn(measureId), noteId, body }),
    pinNote: (measureId: string, noteId: string, pinned: boolean) =>
      useClient().call('notes.pin', { ...basedOn(measureId), noteId, pinned }),
    removeNote: (measureId: string, noteId: string) => useClient().call('notes.remove', { ...basedOn(measureId), noteId }),
    restoreNote: (measureId: string, noteId: string) => useClient().call('notes.restore', { ...basedOn(measureId), noteId }),

    addTag: (measureId: string, tag: string) => useClient().call('tags.add', { ...basedOn(measureId), tag }),
    removeTag: (measureId: string, tag: string) => useClient().call('tags.remove', { ...basedOn(measureId), tag }),

    /** One event on any measure (Needs review's one-step outcomes). */
    recordEvent: (measureId: string, event: EventInput) => useClient().call('events.record', { measureId, event }),
    /** What happened at a lapsed deadline: event, source and link in one step (the outcome dialog). */
    recordOutcome: (input: Input<'events.recordOutcome'>) => useClient().call('events.recordOutcome', input),

    /**
     * What to say when a change was refused; a refusal because the measure changed meanwhile
     * (issue 17) also shows the measure as it now is, so the change can be made again on it.
     */
    refusalText(error: ApiError, messages: Messages): string {
      if (isStaleChange(error.details)) inBackground(afterChange())
      return serviceErrorText(error, messages)
    },

    afterChange,
  }
}
