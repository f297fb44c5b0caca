// The backups folder (Settings → Backups): its list, what one copy holds, backing up now and
// restoring a copy. A restore replaces everything this window shows, so it reloads the board, the
// measure page and the lists that keep their own data.
import { computed } from 'vue'
import { useClient } from '../api/client.ts'
import { useBoardStore } from '../stores/board.ts'
import { useMeasureStore } from '../stores/measure.ts'
import { useRefreshStore } from '../stores/refresh.ts'
import { useServiceQuery } from './useServiceQuery.ts'

export function useBackups() {
  const board = useBoardStore()
  const measure = useMeasureStore()
  const refresh = useRefreshStore()
  const list = useServiceQuery('backups.list', () => ({}))
  // Choosing another copy while one is being read: only the newest choice's contents show.
  const inspection = useServiceQuery('backups.inspect', (name: string) => ({ name }))

  async function restore(name: string) {
    const result = await useClient().call('backups.restore', { name })
    if (result.ok) {
      // This window made the change, so no other-process signal will come. The reloads report
      // their own failures where they show (board, measure page).
      if (board.loaded) board.refresh()
      measure.refresh()
      refresh.bump()
    }
    return result
  }

  return {
    folder: computed(() => list.data.value?.folder ?? ''),
    backups: computed(() => list.data.value?.backups ?? []),
    load: () => list.run(),
    create: () => useClient().call('backups.create', {}),
    /** What the copy `name` holds, in `contents` (null while it is read or after `forgetContents`). */
    inspect: (name: string) => inspection.run(name),
    contents: computed(() => inspection.data.value),
    forgetContents: () => inspection.reset(),
    restore,
  }
}
