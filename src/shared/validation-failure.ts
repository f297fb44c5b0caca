// A zod failure as the VALIDATION Result every host answers: each issue with the path it names
// (so the page can show it next to the field), and one message joining them as "path: message".
// The service (src/core/service/index.ts) answers its API inputs in this shape; Electron main's
// dispatcher answers the shell's own functions (shell-api.ts) with this function.
import type { z } from 'zod'
import { fail, formatIssuePath, type ApiErrorIssue, type Result } from './result.ts'

export function issuesOfZodError(error: z.ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message }))
}

export function validationFailure(error: z.ZodError): Result<never> {
  const issues = issuesOfZodError(error)
  return fail('VALIDATION', issues.map((i) => (i.path.length ? `${formatIssuePath(i.path)}: ${i.message}` : i.message)).join('; '), {
    issues,
  })
}
