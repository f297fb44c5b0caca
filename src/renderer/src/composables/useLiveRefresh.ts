// Keeps what is on screen current without a restart: another process changed the data (push
// 'data-changed'), the window came back into focus, or the as-of instant changed. Also carries
// out the host's other push events (open a measure, menu commands).
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { PushEvent } from '../../../shared/bridge.ts'
import { useClient } from '../api/client.ts'
import { useAccessStore } from '../stores/access.ts'
import { useBoardStore } from '../stores/board.ts'
import { useClockStore } from '../stores/clock.ts'
import { useMeasureStore } from '../stores/measure.ts'
import { useRefreshStore } from '../stores/refresh.ts'
import { useToastStore } from '../stores/toasts.ts'
import { useUiStore } from '../stores/ui.ts'
import { runMenuCommand } from './menu-commands.ts'
import { useCalendarExport } from './useCalendarExport.ts'
import { useBoardReportCsv } from '../components/report/useReportActions.ts'
import { afterRender, inBackground } from './inBackground.ts'

/** Bursts (an import touching many rows, several windows) collapse into one reload. */
export const REFRESH_DELAY_MS = 150

export function useLiveRefresh(): { refresh(): void } {
  const board = useBoardStore()
  const measure = useMeasureStore()
  const clock = useClockStore()
  const ui = useUiStore()
  const refreshSignal = useRefreshStore()
  const calendar = useCalendarExport()
  const exportBoardCsv = useBoardReportCsv()
  const router = useRouter()
  const toasts = useToastStore()
  const access = useAccessStore()
  let pending: ReturnType<typeof setTimeout> | null = null
  let unsubscribe: (() => void) | null = null

  function refresh(): void {
    if (board.loaded) board.refresh()
    measure.refresh()
    refreshSignal.bump()
  }

  function schedule(): void {
    if (pending !== null) return
    pending = setTimeout(() => {
      pending = null
      refresh()
    }, REFRESH_DELAY_MS)
  }

  async function showBoard(): Promise<void> {
    if (router.currentRoute.value.name !== 'board') await router.push({ name: 'board' })
  }

  function onPush(event: PushEvent): void {
    if (event.type === 'data-changed') schedule()
    // The core crashed and was restarted (src/core/worker/core-client.ts): say so, and show the data as it now is.
    else if (event.type === 'core-restarted') {
      toasts.show({ messageKey: 'common.coreRestarted', tone: 'error', timeoutMs: 30_000 })
      schedule()
    } else if (event.type === 'open-measure') inBackground(router.push({ name: 'measure', params: { id: event.id } }))
    // An update notification was clicked (src/main/updater.ts): Settings, at its Updates section.
    else if (event.type === 'open-updates')
      inBackground(
        router
          .push({ name: 'settings' })
          .then(() => afterRender(() => document.getElementById('settings-updates-title')?.scrollIntoView({ block: 'start' }))),
      )
    else if (event.type === 'menu') {
      runMenuCommand(event.command, {
        goBoard: () => inBackground(showBoard()),
        newMeasure: () => inBackground(router.push({ name: 'new-measure' })),
        focusSearch: () => inBackground(showBoard().then(ui.requestSearchFocus)),
        toggleAsOf: () => {
          if (clock.asOf !== null) clock.setAsOf(null)
          else inBackground(showBoard().then(ui.requestAsOfFocus))
        },
        exportCalendar: () => inBackground(calendar.exportCalendar()),
        // The report view prints what it shows; elsewhere it opens with the board's as-of and filters.
        printReport: () => inBackground(router.push({ name: 'report', query: { action: 'print' } })),
        saveReportPdf: () => inBackground(router.push({ name: 'report', query: { action: 'pdf' } })),
        exportReportCsv: () =>
          inBackground(
            router.currentRoute.value.name === 'report' ? router.replace({ name: 'report', query: { action: 'csv' } }) : exportBoardCsv(),
          ),
      })
    }
  }

  watch(() => clock.asOf, refresh)
  // The team database's server answers again (stores/access.ts): what is shown may be stale.
  watch(() => access.recoveries, refresh)

  onMounted(() => {
    unsubscribe = useClient().onPush(onPush)
    window.addEventListener('focus', schedule)
  })
  onBeforeUnmount(() => {
    unsubscribe?.()
    window.removeEventListener('focus', schedule)
    if (pending !== null) clearTimeout(pending)
  })

  return { refresh }
}
