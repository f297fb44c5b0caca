// Reading a step function at an instant: the rate layer in force, and the stack's components —
// what the rate chart's tooltip and table show. Shared by the app and the report.
import type { RateSeries } from './model.ts'

/** The step in force at `atMs` (the last one at or before it), or undefined before the first. */
export function stepAt<T extends { atMs: number }>(steps: readonly T[], atMs: number): T | undefined {
  let low = 0
  let high = steps.length - 1
  let found: T | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const step = steps[middle] as T
    if (step.atMs <= atMs) {
      found = step
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** The stack's components at an instant: each layer's rate in effect then, in layer order. */
export function stackAt(series: Pick<RateSeries, 'layers'>, atMs: number): { id: string; value: number | null }[] {
  return series.layers.map((layer) => ({ id: layer.id, value: stepAt(layer.steps, atMs)?.value ?? null }))
}
