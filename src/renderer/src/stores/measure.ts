// The measure page's data: one measure's detail at the shown instant, and the changes made from
// that page. Every change reloads the detail so the derived status is always the service's.
// Loading goes through composables/useServiceQuery.ts, so a slow answer for another measure or
// another as-of instant never replaces the newest.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { EventInput, ProgressInput } from '../../../shared/api-inputs.ts'
import type { MeasureDetail } from '../../../shared/api-views.ts'
import type { Result } from '../../../shared/result.ts'
import { isStaleChange } from '../../../shared/revision.ts'
import type { WatchTermsInput } from '../../../shared/watch.ts'
import { useClient } from '../api/client.ts'
import { useServiceQuery } from '../composables/useServiceQuery.ts'
import { useClockStore } from './clock.ts'

export const useMeasureStore = defineStore('measure', () => {
  const clock = useClockStore()
  const id = ref<string | null>(null)
  const query = useServiceQuery('measures.get', (measureId: string) => ({ id: measureId, at: clock.asOf ?? undefined }), {
    onAnswer: forgetIfGone,
  })
  const { data: detail, loading, error } = query

  // A measure the service does not know (deleted for good, not there at this instant) shows nothing.
  function forgetIfGone(result: Result<MeasureDetail>): void {
    if (!result.ok && result.error.code === 'NOT_FOUND') query.data.value = null
  }

  function select(measureId: string): void {
    // Another measure: its predecessor's detail and error go at once.
    if (id.value !== measureId) query.reset()
    id.value = measureId
  }

  async function load(measureId: string): Promise<void> {
    select(measureId)
    await query.run(measureId)
  }

  async function reload(): Promise<void> {
    if (id.value !== null) await load(id.value)
  }

  /** `load` without waiting: the detail (or `error`) updates when the answer lands. */
  function show(measureId: string): void {
    select(measureId)
    query.refresh(measureId)
  }

  /** `reload` for callers that do not wait. */
  function refresh(): void {
    if (id.value !== null) show(id.value)
  }

  function clear(): void {
    query.reset()
    id.value = null
  }

  /** After a change: the measure as it now is — also after a refusal because it changed meanwhile (issue 17). */
  async function after<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok || isStaleChange(result.error.details)) await reload()
    return result
  }
  /** The revision of the measure shown, which every change made from its page is based on. */
  const basedOn = () => ({ measureId: id.value!, baseRevision: detail.value?.editRevision })

  const recordEvent = async (event: EventInput) => after(await useClient().call('events.record', { ...basedOn(), event }))
  // Watching official sources (issue 16): the event citing a found document (which becomes a source), and the measure's terms.
  const citeWatchHit = async (hitId: string, event: EventInput) =>
    after(await useClient().call('watch.cite', { ...basedOn(), hitId, event }))
  const setWatchTerms = async (terms: WatchTermsInput) => after(await useClient().call('watch.setTerms', { ...basedOn(), terms }))
  const chooseAlternative = async (eventId: string, index: number) =>
    after(await useClient().call('events.chooseAlternative', { ...basedOn(), eventId, index }))

  // A commitment's figures: the outcome (met, missed, …) is the service's, so reload after each.
  const recordProgress = async (entry: ProgressInput) => after(await useClient().call('progress.record', { ...basedOn(), entry }))
  const removeProgress = async (progressId: string) => after(await useClient().call('progress.remove', { ...basedOn(), progressId }))

  // A passed deadline changes the status: fetch the new one when the clock passes it.
  watch(
    () => {
      const next = detail.value?.state.next
      return clock.asOf === null && next && clock.now >= next.atMs ? next.atMs : 0
    },
    (due) => {
      if (due) refresh()
    },
  )

  return {
    id,
    detail,
    loading,
    error,
    load,
    reload,
    show,
    refresh,
    clear,
    recordEvent,
    citeWatchHit,
    setWatchTerms,
    chooseAlternative,
    recordProgress,
    removeProgress,
  }
})
