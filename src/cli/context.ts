// What every command gets: the open store, the output language, the zone, and where to write.
import type { Store } from '../core/open.ts'
import type { Locale } from '../shared/domain.ts'
import type { Translate } from '../shared/i18n/translate.ts'
import { formatIssuePath, type Result } from '../shared/result.ts'
import type { CliArgs } from './args.ts'

export interface CliContext {
  store: Store
  args: CliArgs
  locale: Locale
  zone: string
  t: Translate
  out(text: string): void
}

/** Unwraps a service result; a failure becomes a CliFailure carrying its exit code. */
export class CliFailure extends Error {
  readonly exitCode: number
  readonly lines: string[]
  constructor(message: string, exitCode: number, lines: string[] = []) {
    super(message)
    this.exitCode = exitCode
    this.lines = lines
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  const { code, message, details } = result.error
  const lines = (details?.issues ?? []).map((issue) => `  ${issue.path.length ? formatIssuePath(issue.path) : '(input)'}: ${issue.message}`)
  // Bad input and unknown ids are the caller's to fix (exit 2); storage trouble is ours (exit 1).
  const exitCode = code === 'STORAGE' || code === 'INTERNAL' ? 1 : 2
  throw new CliFailure(message, exitCode, lines)
}
