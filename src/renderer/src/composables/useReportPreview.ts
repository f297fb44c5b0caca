// The report view's live preview: the HTML report.build makes for the options as they are — at
// once the first time, a moment after each change, right away when the data changed elsewhere.
// Builds go through useServiceQuery, so an answer for options changed since never shows. Printing
// and saving ask `upToDate()` first: it waits for the build in flight, or builds again when the
// options changed or a "now" report is older than a minute, so the paper says what the form says.
import { computed, onScopeDispose, watch } from 'vue'
import type { Result } from '../../../shared/result.ts'
import { PREVIEW_DELAY_MS, optionsKey, type ReportOptionsInput } from '../logic/report-options.ts'
import { useRefreshStore } from '../stores/refresh.ts'
import { useServiceQuery } from './useServiceQuery.ts'
import { inBackground } from './inBackground.ts'

/** "Now" reports older than this are rebuilt before printing, so the paper says the time it was printed. */
export const NOW_STALE_MS = 60_000

export interface BuiltReport {
  /** optionsKey() of the options it was built with. */
  key: string
  html: string
  filename: string
  options: ReportOptionsInput
  builtAtMs: number
}

export interface PreviewSource {
  /** The options the form describes, or null while it is invalid (the last preview then stays). */
  options(): ReportOptionsInput | null
  /** Whether the report is "as of now" (so it ages), not as of a fixed instant. */
  isNow(): boolean
}

export function useReportPreview(source: PreviewSource) {
  const refresh = useRefreshStore()
  const build = useServiceQuery('report.build', (options: ReportOptionsInput) => ({ options, format: 'html' }), {
    map: (file, options): BuiltReport => ({
      key: optionsKey(options),
      html: file.content,
      filename: file.filename,
      options,
      builtAtMs: Date.now(),
    }),
  })
  const preview = build.data
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight: { key: string; done: Promise<unknown> } | null = null

  function cancelTimer(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Builds the preview for the current options now (nothing while they are invalid). Never rejects. */
  function rebuildNow(): Promise<Result<BuiltReport> | null> {
    cancelTimer()
    const options = source.options()
    if (!options) return Promise.resolve(null)
    const done = build.run(options)
    inFlight = { key: optionsKey(options), done }
    return done
  }

  function schedule(delay = PREVIEW_DELAY_MS): void {
    cancelTimer()
    // A failed build shows in buildError, with its Retry button.
    timer = setTimeout(() => inBackground(rebuildNow()), delay)
  }

  /** The preview for the options as they are now, built first if it is not (or is an old "now"). */
  async function upToDate(): Promise<BuiltReport | null> {
    const options = source.options()
    if (!options) return null
    const key = optionsKey(options)
    const shown = preview.value
    const stale = shown !== null && source.isNow() && Date.now() - shown.builtAtMs > NOW_STALE_MS
    if (timer === null && inFlight?.key === key && !stale) await inFlight.done
    if (timer !== null || preview.value?.key !== key || stale) await rebuildNow()
    return preview.value?.key === key ? preview.value : null
  }

  // The first preview at once; later changes after a pause. Invalid options keep the last preview.
  watch(
    () => {
      const options = source.options()
      return options ? optionsKey(options) : null
    },
    (key, previous) => {
      if (key === null) return cancelTimer()
      if (previous === undefined) inBackground(rebuildNow())
      else schedule()
    },
    { immediate: true },
  )
  // Data changed elsewhere (another window, the command line): the same options, new content.
  watch(
    () => refresh.version,
    () => schedule(0),
  )
  onScopeDispose(() => {
    cancelTimer()
    build.cancel()
  })

  return {
    preview,
    building: build.loading,
    /** Why the newest build failed, or null. */
    buildError: computed(() => build.error.value?.message ?? null),
    rebuildNow,
    upToDate,
  }
}
