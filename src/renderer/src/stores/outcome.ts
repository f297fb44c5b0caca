// Which lapsed deadline the outcome dialog is recording, if any (issue 11). One dialog for the
// whole window (components/outcome/OutcomeDialogHost.vue, in App.vue): the board row, the measure
// page's review box and Needs review only say which measure and which deadline.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { LocalizedText, Transition } from '../../../shared/domain.ts'
import type { OutcomeKind } from '../../../shared/outcome.ts'

export interface OutcomeTarget {
  measureId: string
  title: LocalizedText
  imposer: string
  /** The passed change nobody recorded (the measure's reviewReason). */
  deadline: Transition
  /** Preselected outcome, when the opener already knows (e.g. "Record extension"). */
  outcome?: OutcomeKind
  /** Where focus goes after a recording when the control that opened the dialog is gone. */
  returnFocus?: () => HTMLElement | null
}

export const useOutcomeStore = defineStore('outcome', () => {
  const target = shallowRef<OutcomeTarget | null>(null)
  return {
    target,
    open: (next: OutcomeTarget) => void (target.value = next),
    close: () => void (target.value = null),
  }
})
