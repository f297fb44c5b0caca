// Timing helpers for the benchmarks (never used by tests: tests do not assert timings).
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * A full garbage collection now, so the next timed block pays for its own garbage, not for the
 * collection of what an earlier figure or a warm-up left behind (after a heap-heavy warm-up the
 * same 10k computation reads 30–40 ms or 60–90 ms depending on it). The flag only exposes `gc`.
 */
export function settleHeap(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}
export async function time(work: () => unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

export async function timeMany(count: number, work: (n: number) => unknown): Promise<number[]> {
  const runs: number[] = []
  for (let n = 0; n < count; n++) runs.push(await time(() => work(n)))
  return runs
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? NaN
}

export const median = (values: readonly number[]) => percentile(values, 50)
