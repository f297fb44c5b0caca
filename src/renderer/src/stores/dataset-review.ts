// The dataset update review's state (issue 16): which dataset is under review, what the service
// says it changes (dataset.diff), and the last apply — so that "Undo this update" stays offered
// after the page has moved on. One code path for every source: a file the user opened (desktop:
// main's open dialog; browser: a file input whose contents are sent), the dataset the app ships
// (embedded), or the feed's verified file (Settings → Dataset feed hands it over the same way).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Input } from '../../../shared/api.ts'
import type { DatasetApplied, DatasetDiff, OpenedDataset } from '../../../shared/dataset-update.ts'
import { fail, type Result } from '../../../shared/result.ts'
import { useClient } from '../api/client.ts'

/** Where the dataset under review comes from; `name` is what the review shows (a file's name). */
export type DatasetReviewSource = { kind: 'file'; name: string; file: unknown } | { kind: 'embedded' }

/** The route that opens the review; `?source=embedded` or `?source=feed` start it with that dataset. */
export const DATASET_UPDATE_ROUTE_NAME = 'dataset-update'

const sourceInput = (source: DatasetReviewSource): Input<'dataset.diff'> =>
  source.kind === 'embedded' ? { embedded: true } : { file: source.file }

export const useDatasetReviewStore = defineStore('dataset-review', () => {
  const source = shallowRef<DatasetReviewSource | null>(null)
  const diff = shallowRef<DatasetDiff | null>(null)
  const applied = shallowRef<DatasetApplied | null>(null)
  const loading = ref(false)
  /** The desktop opens files through main's dialog; a browser page through its own file input. */
  const opensWithDialog = useClient().transport === 'electron'

  /** Reviews this dataset: the service diffs it against the database; nothing changes. */
  async function review(next: DatasetReviewSource): Promise<Result<DatasetDiff>> {
    source.value = next
    diff.value = null
    applied.value = null
    loading.value = true
    const result = await useClient().call('dataset.diff', sourceInput(next))
    loading.value = false
    // Another dataset was opened meanwhile: its answer is the one that counts.
    if (source.value !== next) return result
    if (result.ok) diff.value = result.value
    return result
  }

  /** The desktop's open dialog (main reads the file); ok(null) when the person cancelled. */
  async function openWithDialog(): Promise<Result<DatasetDiff | null>> {
    const opened = await useClient().openDatasetFile()
    if (!opened.ok || opened.value === null) return opened as Result<null>
    return review({ kind: 'file', name: opened.value.name, file: opened.value.file })
  }

  /** A file the person picked in the page's file input (the browser host). */
  async function openPicked(file: File): Promise<Result<DatasetDiff>> {
    let contents: unknown
    try {
      contents = JSON.parse(await file.text()) as unknown
    } catch {
      return fail('VALIDATION', `${file.name} is not a JSON file`)
    }
    return review({ kind: 'file', name: file.name, file: contents })
  }

  /** A dataset already in hand (the feed's verified file). */
  const reviewOpened = (opened: OpenedDataset) => review({ kind: 'file', ...opened })

  /** Applies the chosen measures, and removes the dropped ones the person chose; nothing else. */
  async function apply(measureIds: string[], removeIds: string[]): Promise<Result<DatasetApplied>> {
    if (!source.value) return fail('VALIDATION', 'No dataset is under review')
    const result = await useClient().call('dataset.apply', { ...sourceInput(source.value), measureIds, removeIds })
    if (result.ok) {
      applied.value = result.value
      diff.value = null
    }
    return result
  }

  async function undo(): Promise<Result<DatasetApplied>> {
    const result = await useClient().call('dataset.undo', {})
    if (result.ok) applied.value = null
    return result
  }

  /** Leaves the review without applying anything. */
  function close(): void {
    source.value = null
    diff.value = null
  }

  return { source, diff, applied, loading, opensWithDialog, review, openWithDialog, openPicked, reviewOpened, apply, undo, close }
})
