// Reading a service Result in a test: the value, or the test fails with the error's code and message.
import type { Result } from '../../src/shared/result.ts'

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** A refusal's code and the places its issues name (`measureId`, `entry.sourceIds.0`, …). */
export function failure(result: Result<unknown>): { code: string; paths: string[] } {
  if (result.ok) throw new Error('expected a failure')
  return { code: result.error.code, paths: result.error.details?.issues?.map((i) => i.path.join('.')) ?? [] }
}
