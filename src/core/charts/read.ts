// Every live measure as the charts read it, in one query (plus the commitments' progress): the
// engine's events from the stored timeline column and the base facts the fold starts from.
import type { Db } from '../store/db.ts'
import { arrays, timelineOf } from '../store/array-rows.ts'
import { commitmentBases, parseRateValue } from '../store/commitment-rows.ts'
import type { ChartMeasure } from './measure.ts'

export function readChartMeasures(db: Db, ids?: ReadonlySet<string>): ChartMeasure[] {
  const commitments = commitmentBases(db)
  const measures: ChartMeasure[] = []
  for (const [id, imposer, target, rate, scope, rateValue, commitment, timeline] of arrays(
    db,
    'SELECT id, imposer, target, rate, scope, rate_value, commitment, timeline FROM measures WHERE deleted_at IS NULL ORDER BY id',
  )) {
    if (ids !== undefined && !ids.has(id as string)) continue
    measures.push({
      id: id as string,
      imposer: imposer as string,
      target: target as string,
      events: timelineOf(id as string, timeline as string),
      base: {
        rate: rate as string | null,
        scope: scope as string,
        rateValue: parseRateValue(rateValue),
        ...commitments.baseOf(id as string, commitment),
      },
    })
  }
  return measures
}
