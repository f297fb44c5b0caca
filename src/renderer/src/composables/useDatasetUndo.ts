// What the update review and Settings → Dataset share: a dataset named as "us-cn-truce-2025 v4",
// and "Undo this update" — which says on the page what it put back, or clearly why it refused
// (CONFLICT: a measure the update touched changed since, and undoing would lose that change).
import { ref, type Ref } from 'vue'
import type { DatasetIdentity } from '../../../shared/dataset-update.ts'
import { useUiText } from '../i18n/plural.ts'
import { useDatasetReviewStore } from '../stores/dataset-review.ts'

export function useDatasetIdentityText(): (identity: DatasetIdentity | null) => string {
  const { t } = useUiText()
  return (identity) =>
    identity ? t('datasetUpdate.identity', { id: identity.id, version: identity.version }) : t('datasetUpdate.noDataset')
}

/** `error`: the section's alert; `after`: what to reload once the database is back. */
export function useDatasetUndo(error: Ref<string>, after: () => unknown) {
  const { t } = useUiText()
  const identity = useDatasetIdentityText()
  const review = useDatasetReviewStore()
  const busy = ref(false)
  /** What the last undo did (kept on the page, unlike a toast). */
  const notice = ref('')

  async function undo(): Promise<void> {
    busy.value = true
    const result = await review.undo()
    busy.value = false
    if (!result.ok) {
      error.value = t(result.error.code === 'CONFLICT' ? 'datasetUpdate.undoRefused' : 'common.actionFailed', {
        message: result.error.message,
      })
      return
    }
    error.value = ''
    // Undo puts the database back to the dataset it held before the update.
    notice.value = t('datasetUpdate.undone', { dataset: identity(result.value.from) })
    await after()
  }
  return { busy, notice, undo }
}
