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
  /** new: only the new dataset has it; changed: facts differ; removed: the new dataset dropped it. */
  kind: 'new' | 'changed' | 'removed'
  /** Facts the update would write (the user did not change them). */
  changes: DatasetFactChange[]
  /** Facts both changed differently: the user's value stays in use, the dataset's is offered. */
  conflicts: DatasetFactChange[]
}

export interface DatasetStatus {
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

/** The dataset file itself is checked by the service (it must carry `dataset: { id, version }`). */
export const datasetFileInputSchema = z.object({ file: z.unknown() }).strict()
export const datasetApplyInputSchema = z
  .object({ file: z.unknown(), measureIds: z.array(z.string().min(1).max(200)).max(100_000).optional() })
  .strict()
