// The measure page's data: one measure's detail at the shown instant, and the changes made from
// that page. Every change reloads the detail so the derived status is always the service's.
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { EventInput, ProgressInput } from '../../../shared/api-inputs.ts'
import type { MeasureDetail } from '../../../shared/api-views.ts'
import type { ApiError, Result } from '../../../shared/result.ts'
import { useClient } from '../api/client.ts'
import { useClockStore } from './clock.ts'

export const useMeasureStore = defineStore('measure', () => {
  const clock = useClockStore()
  const id = ref<string | null>(null)
  const detail = shallowRef<MeasureDetail | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  let sequence = 0

  async function load(measureId: string): Promise<void> {
    const mine = ++sequence
    if (id.value !== measureId) detail.value = null
    id.value = measureId
    loading.value = true
    const result = await useClient().call('measures.get', { id: measureId, at: clock.asOf ?? undefined })
    if (mine !== sequence) return
    loading.value = false
    if (result.ok) {
      detail.value = result.value
      error.value = null
    } else {
      error.value = result.error
      if (result.error.code === 'NOT_FOUND') detail.value = null
    }
  }

  async function reload(): Promise<void> {
    if (id.value !== null) await load(id.value)
  }

  function clear(): void {
    sequence++
    id.value = null
    detail.value = null
    error.value = null
  }

  async function after<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await reload()
    return result
  }

  const recordEvent = async (event: EventInput) => after(await useClient().call('events.record', { measureId: id.value!, event }))
  const chooseAlternative = async (eventId: string, index: number) =>
    after(await useClient().call('events.chooseAlternative', { measureId: id.value!, eventId, index }))

  // A commitment's figures: the outcome (met, missed, …) is the service's, so reload after each.
  const recordProgress = async (entry: ProgressInput) => after(await useClient().call('progress.record', { measureId: id.value!, entry }))
  const removeProgress = async (progressId: string) => after(await useClient().call('progress.remove', { measureId: id.value!, progressId }))

  // A passed deadline changes the status: fetch the new one when the clock passes it.
  watch(
    () => {
      const next = detail.value?.state.next
      return clock.asOf === null && next && clock.now >= next.atMs ? next.atMs : 0
    },
    (due) => {
      if (due) void reload()
    },
  )

  return { id, detail, loading, error, load, reload, clear, recordEvent, chooseAlternative, recordProgress, removeProgress }
})
