// After a change made on the measure page (a note, a tag): fetch the measure again, and the
// board's rows when they are loaded — its Tag filter, note counts and note search come from them.
// (The browser host also echoes 'data-changed'; Electron does not echo a window's own changes.)
import { useBoardStore } from '../stores/board.ts'
import { useMeasureStore } from '../stores/measure.ts'

export function useAfterMeasureChange(): () => Promise<void> {
  const measure = useMeasureStore()
  const board = useBoardStore()
  return async () => {
    if (board.loaded) void board.load()
    await measure.reload()
  }
}
