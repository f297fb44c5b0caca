// Dataset updates (issue 16): the contract's inputs and views for dataset.status / diff / apply /
// undo. The merge itself is core/dataset-update/three-way.ts; these are what a host sees.
import { z } from 'zod'

export interface DatasetIdentity {
  id: string
  version: number
}

/** One fact an update touches, at a path such as `title.en` or `events[effective-2025-09-29].at`. */
export interface DatasetFactChange {
  path: string
  kind: 'added' | 'changed' | 'removed' | 'conflict'
  /** The value on each side; absent where that side has none. */
  base?: unknown
  next?: unknown
  local?: unknown
}

export interface DatasetMeasureUpdate {
  id: string
  /** The measure's titles as the database holds them (the new dataset's for a new measure): what the review names it by. */
  title: Record<string, string>
  /** The kind of each event the changes name (`events[ID]…`), so the review can say "Effective date" rather than an id. */
  eventKinds: Record<string, string>
  /**
   * The dataset's revision of the measure as last applied (`from`) and in this update (`to`); null
   * where a side gives none. Optional: older answers and test doubles have none.
   */
  revision?: { from: number | null; to: number | null }
  /** new: only the new dataset has it; changed: facts differ; removed: the new dataset dropped it. */
  kind: 'new' | 'changed' | 'removed'
  /** Facts the update would write (the user did not change them). */
  changes: DatasetFactChange[]
  /** Facts both changed differently: the user's value stays in use, the dataset's is offered. */
  conflicts: DatasetFactChange[]
}

export interface DatasetStatus {
  /** The dataset this app ships; `embeddedNewer` when it is a newer version of the installed one (the app offers the review). */
  embedded: DatasetIdentity
  embeddedNewer: boolean
  /** The dataset the database was seeded from or last updated to; null if it never held one. */
  installed: DatasetIdentity | null
  /** The last update, which dataset.undo reverses; null when there is none. */
  lastApply: { from: DatasetIdentity | null; to: DatasetIdentity; appliedAt: string; measureIds: string[] } | null
}

export interface DatasetDiff {
  from: DatasetIdentity | null
  to: DatasetIdentity
  updates: DatasetMeasureUpdate[]
}

export interface DatasetApplied {
  from: DatasetIdentity | null
  to: DatasetIdentity
  /** The measures written (apply) or put back (undo). */
  measureIds: string[]
}

/**
 * Where the dataset under review comes from — one code path for every source: a file's contents
 * (`file`: a file the user opened, or a feed's verified file), or the dataset this app ships
 * (`embedded: true`, offered at start when it is newer than the database's). The file itself is
 * checked by the service (it must carry `dataset: { id, version }`).
 */
const datasetSource = { file: z.unknown().optional(), embedded: z.literal(true).optional() }
const oneSource = (input: { file?: unknown; embedded?: true }): boolean => (input.file !== undefined) !== (input.embedded === true)
const ONE_SOURCE = { message: 'Give the dataset either as file or as embedded: true', path: ['file'] }
const measureIdList = z.array(z.string().min(1).max(200)).max(100_000)

export const datasetFileInputSchema = z.object(datasetSource).strict().refine(oneSource, ONE_SOURCE)
export const datasetApplyInputSchema = z
  .object({
    ...datasetSource,
    /** Only these measures (default: every new and changed one). */
    measureIds: measureIdList.optional(),
    /** Measures the new dataset dropped that the user chose to remove (moved to the trash); none by default. */
    removeIds: measureIdList.optional(),
  })
  .strict()
  .refine(oneSource, ONE_SOURCE)
export type DatasetSourceInput = z.input<typeof datasetFileInputSchema>

/**
 * The largest dataset file the review opens (bytes): the same bound as a feed's signed file
 * (core/dataset-update/signed-dataset.ts). The browser host accepts dataset.diff / dataset.apply
 * bodies of this size (src/web/limits.ts).
 */
export const MAX_DATASET_FILE_BYTES = 200 * 1024 * 1024

/** A dataset file the user opened (desktop: main's open dialog; browser: a file input): its name and parsed contents. */
export interface OpenedDataset {
  name: string
  file: unknown
}
