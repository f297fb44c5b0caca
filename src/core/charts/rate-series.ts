// The stacked additional ad valorem rate of each direction (imposer → target) over a range: one
// layer per measure whose rate is a percentage, each a step function read from the engine's own
// rateInEffect at every instant it can change (rateInEffectAlong: statusAt's fold read off at each
// event and lapse) — never a second computation — and the
// total as the sum of the layers at each instant any of them changes. Measures whose rate is an
// amount (fees per net ton) or has no number (controls, "10–15%" in text) are listed, not summed.
import type { RateLayer, RatePoint, RateSeries, RateStep, TimeRange, UnsummedMeasure } from '../../shared/charts/model.ts'
import type { RateValue } from '../../shared/domain.ts'
import { rateInEffectAlong, statusAt } from '../status/engine.ts'
import type { ChartMeasure } from './measure.ts'

/** True when every rate number the measure ever gives is a percentage (and it gives one). */
export function isAdValorem(measure: ChartMeasure): boolean {
  let percent = false
  const check = (value: RateValue | null | undefined): boolean => {
    if (value === null || value === undefined) return true
    if (value.unit !== 'percent') return false
    percent = true
    return true
  }
  if (!check(measure.base.rateValue)) return false
  for (const event of measure.events) if (!check(event.rateValue)) return false
  return percent
}

/** The measure's rate in effect over the range, from the range's start and at each change inside it. */
export function rateLayer(measure: ChartMeasure, range: TimeRange): RateLayer {
  const steps: RateStep[] = []
  let last: number | null = null
  rateInEffectAlong(measure.events, measure.base, range.fromMs, range.toMs, (atMs, value) => {
    if (steps.length === 0 || value !== last) steps.push({ atMs, value })
    last = value
  })
  return { id: measure.id, steps }
}

// Sums of a few percentages (7.5 + 24 − 0.1) come back exact to this many decimals.
const round = (value: number) => Math.round(value * 1e6) / 1e6

/**
 * The total at each instant a layer changes: every step's change of value added up per instant,
 * then summed in time order. The changes are gathered per distinct instant first (a Map), so only
 * those are sorted: at 10,000 measures, 90,000 steps fall on about 16,000 instants.
 */
export function stackPoints(layers: readonly RateLayer[]): RatePoint[] {
  const deltas = new Map<number, number>()
  for (const layer of layers) {
    let previous = 0
    for (const step of layer.steps) {
      const value = step.value ?? 0
      deltas.set(step.atMs, (deltas.get(step.atMs) ?? 0) + value - previous)
      previous = value
    }
  }
  const instants = Float64Array.from(deltas.keys()).sort()
  const points: RatePoint[] = []
  let total = 0
  for (const atMs of instants) {
    total += deltas.get(atMs) as number
    const rounded = round(total)
    if (points.length === 0 || (points[points.length - 1] as RatePoint).total !== rounded) points.push({ atMs, total: rounded })
  }
  return points
}

/** The key of a direction: imposer > target. */
function directionKey(measure: Pick<ChartMeasure, 'imposer' | 'target'>): string {
  return `${measure.imposer}>${measure.target}`
}

/**
 * One series per direction that has at least one ad valorem measure; its other measures are
 * `unsummed`, with their rate in effect at the as-of instant.
 */
export function rateSeries(measures: readonly ChartMeasure[], range: TimeRange, asOfMs: number): RateSeries[] {
  const byDirection = new Map<string, { summed: ChartMeasure[]; unsummed: ChartMeasure[] }>()
  for (const measure of measures) {
    const key = directionKey(measure)
    let entry = byDirection.get(key)
    if (entry === undefined) byDirection.set(key, (entry = { summed: [], unsummed: [] }))
    ;(isAdValorem(measure) ? entry.summed : entry.unsummed).push(measure)
  }
  const series: RateSeries[] = []
  for (const { summed, unsummed } of byDirection.values()) {
    if (summed.length === 0) continue
    const layers = summed.map((measure) => rateLayer(measure, range))
    series.push({
      imposer: (summed[0] as ChartMeasure).imposer,
      target: (summed[0] as ChartMeasure).target,
      layers,
      points: stackPoints(layers),
      unsummed: unsummed.map((measure): UnsummedMeasure => {
        const state = statusAt(measure.events, asOfMs, measure.base)
        return { id: measure.id, rate: state.rateInEffect, rateText: state.rate }
      }),
    })
  }
  return series.sort((a, b) => b.layers.length - a.layers.length || directionKey(a).localeCompare(directionKey(b)))
}
