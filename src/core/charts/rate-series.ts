// The stacked additional ad valorem rate of each direction (imposer → target) over a range: one
// layer per measure whose rate is a percentage, each a step function read from the engine's own
// rateInEffect at every one of the measure's transitions (statesAlong: statusAt's fold read off at
// each instant) — never a second computation — and the
// total as the sum of the layers at each instant any of them changes. Measures whose rate is an
// amount (fees per net ton) or has no number (controls, "10–15%" in text) are listed, not summed.
import type { RateLayer, RatePoint, RateSeries, RateStep, TimeRange, UnsummedMeasure } from '../../shared/charts/model.ts'
import type { RateValue } from '../../shared/domain.ts'
import { statesAlong, statusAt, transitionsOf } from '../status/engine.ts'
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

/** The measure's rate in effect over the range, from the range's start and at each transition inside it. */
export function rateLayer(measure: ChartMeasure, range: TimeRange): RateLayer {
  const instants = [range.fromMs]
  for (const transition of transitionsOf(measure.events, measure.base)) {
    if (transition.atMs > range.fromMs && transition.atMs < range.toMs && transition.atMs !== instants[instants.length - 1])
      instants.push(transition.atMs)
  }
  const states = statesAlong(measure.events, instants, measure.base)
  const steps: RateStep[] = []
  instants.forEach((atMs, i) => {
    const value = (states[i] as { rateInEffect: RateValue | null }).rateInEffect?.value ?? null
    if (steps.length === 0 || (steps[steps.length - 1] as RateStep).value !== value) steps.push({ atMs, value })
  })
  return { id: measure.id, steps }
}

// Sums of a few percentages (7.5 + 24 − 0.1) come back exact to this many decimals.
const round = (value: number) => Math.round(value * 1e6) / 1e6

/**
 * The total at each instant a layer changes: every step's change of value added at its instant,
 * then summed in time order. Typed arrays and a numeric sort (not objects and a comparator): this
 * runs over every step of every measure, 70,000 at 10,000 measures.
 */
export function stackPoints(layers: readonly RateLayer[]): RatePoint[] {
  let count = 0
  for (const layer of layers) count += layer.steps.length
  const instants = new Float64Array(count)
  let n = 0
  for (const layer of layers) for (const step of layer.steps) instants[n++] = step.atMs
  instants.sort()
  // Distinct instants, in order.
  let distinct = 0
  for (let i = 0; i < count; i++) if (i === 0 || instants[i] !== instants[i - 1]) instants[distinct++] = instants[i] as number
  const deltas = new Float64Array(distinct)
  const indexOf = (atMs: number) => {
    let low = 0
    let high = distinct - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if ((instants[middle] as number) < atMs) low = middle + 1
      else high = middle
    }
    return low
  }
  for (const layer of layers) {
    let previous = 0
    for (const step of layer.steps) {
      const value = step.value ?? 0
      const index = indexOf(step.atMs)
      deltas[index] = (deltas[index] as number) + value - previous
      previous = value
    }
  }
  const points: RatePoint[] = []
  let total = 0
  for (let i = 0; i < distinct; i++) {
    total += deltas[i] as number
    const rounded = round(total)
    if (points.length === 0 || (points[points.length - 1] as RatePoint).total !== rounded)
      points.push({ atMs: instants[i] as number, total: rounded })
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
