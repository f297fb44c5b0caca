// Timing helpers for the benchmarks (never used by tests: tests do not assert timings).
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
