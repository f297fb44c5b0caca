// What a change control asks before it offers itself (stores/access.ts): whether changes can be
// made now, and — when they cannot — the id of the banner that says why, for its aria-describedby.
import { computed } from 'vue'
import { CHANGE_BLOCKED_ID, useAccessStore } from '../stores/access.ts'

export function useChangeAccess() {
  const access = useAccessStore()
  return {
    canChange: computed(() => access.canChange),
    /** aria-describedby of a change control: the banner's reason while changes are off. */
    blockedBy: computed(() => (access.canChange ? undefined : CHANGE_BLOCKED_ID)),
  }
}
