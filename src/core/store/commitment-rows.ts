// The issue-10 measure columns as the bulk readers (board, reminders, reports) need them: the
// base rate's number and, for commitments, the target with its progress — read once per list.
import type { Db } from './db.ts'
import type { Commitment, RateValue } from '../../shared/domain.ts'
import { toTimedCommitment, type TimedCommitment, type TimedProgress } from '../status/engine.ts'
import { arrays, type Cell } from './array-rows.ts'

// Rates repeat across measures ("25%"), and the board re-lists on every refresh: decoded once per
// distinct text. The values are shared between callers and must not be mutated.
const rates = new Map<string, RateValue>()
const RATE_MEMO_LIMIT = 10_000

export function parseRateValue(cell: Cell | undefined): RateValue | null {
  if (typeof cell !== 'string') return null
  let rate = rates.get(cell)
  if (rate === undefined) {
    if (rates.size >= RATE_MEMO_LIMIT) rates.clear()
    rate = JSON.parse(cell) as RateValue
    rates.set(cell, rate)
  }
  return rate
}

export interface CommitmentBases {
  /** The engine's commitment and progress for a measure, from its `commitment` column. */
  baseOf(measureId: string, commitmentCell: Cell | undefined): { commitment: TimedCommitment | null; progress: readonly TimedProgress[] }
}

const NONE = { commitment: null, progress: [] as readonly TimedProgress[] }

/**
 * Reads every progress entry once (few measures are commitments), grouped by measure — and only
 * when a commitment is met: most computations meet none, and on a team database each read is a
 * round trip to the server.
 */
export function commitmentBases(db: Db): CommitmentBases {
  let read: Map<string, TimedProgress[]> | null = null
  const progressOf = (measureId: string) => {
    read ??= progressByMeasure(db)
    return read.get(measureId) ?? []
  }
  return {
    baseOf(measureId, cell) {
      if (typeof cell !== 'string') return NONE
      return { commitment: toTimedCommitment(JSON.parse(cell) as Commitment), progress: progressOf(measureId) }
    },
  }
}

function progressByMeasure(db: Db): Map<string, TimedProgress[]> {
  const progress = new Map<string, TimedProgress[]>()
  for (const [measureId, value, asOf, asOfMs] of arrays(
    db,
    'SELECT measure_id, value, as_of, as_of_ms FROM commitment_progress ORDER BY measure_id, as_of_ms, id',
  )) {
    const entry: TimedProgress = { value: value as number, asOf: asOf as string, asOfMs: asOfMs as number }
    const list = progress.get(measureId as string)
    if (list) list.push(entry)
    else progress.set(measureId as string, [entry])
  }
  return progress
}
