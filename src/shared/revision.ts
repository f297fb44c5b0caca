// Concurrent edits (issue 17): a change to one measure may say which revision of the measure it
// was based on; when the measure has changed since (another window, the command line, another
// user), the service refuses it with CONFLICT and says who changed it, when and how. The page
// keeps what the person typed and shows the measure as it now is. A revision is an opaque token
// (src/core/service/revision.ts makes it from the measure's stored content).
import { api, type MethodName, type MutationName } from './api.ts'
import { AUDIT_RULES } from './audit-rules.ts'
import { fail, type Result } from './result.ts'

/** The optional field a change of one measure carries. */
export interface BasedOn {
  baseRevision?: string
}

export const REVISION_PATTERN = /^[0-9a-f]{16}$/

/** The details of the CONFLICT a stale change gets. */
export interface StaleChangeDetails {
  reason: 'stale'
  measureId: string
  /** The measure's revision now (the page reloads it). */
  editRevision: string
  /** The latest recorded change of the measure (null when none is recorded, e.g. an import). */
  change: { actor: string; at: string; action: string } | null
}

export function isStaleChange(details: unknown): details is StaleChangeDetails {
  return typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === 'stale'
}

/** Methods that change one named measure: they may carry `baseRevision`. */
export function takesRevision(method: MethodName): boolean {
  if (api[method].kind !== 'mutation') return false
  const rule = AUDIT_RULES[method as MutationName]
  return rule.audit === 'measure' && rule.from !== 'answer'
}

/**
 * Takes `baseRevision` off the input of a change of one measure. Anything else keeps it, and the
 * contract's strict schema refuses it as an unknown field.
 */
export function takeBaseRevision(
  method: MethodName,
  input: unknown,
): { input: unknown; baseRevision: string | null; refusal: Result<never> | null } {
  if (!takesRevision(method) || typeof input !== 'object' || input === null || !Object.hasOwn(input, 'baseRevision'))
    return { input, baseRevision: null, refusal: null }
  const { baseRevision, ...rest } = input as { baseRevision: unknown }
  // Absent and undefined are alike (IPC keeps an undefined field; JSON drops it).
  if (baseRevision === undefined) return { input: rest, baseRevision: null, refusal: null }
  if (typeof baseRevision !== 'string' || !REVISION_PATTERN.test(baseRevision)) {
    const message = 'a measure revision is 16 hexadecimal digits, as measures.get answers it'
    return {
      input,
      baseRevision: null,
      refusal: fail('VALIDATION', `baseRevision: ${message}`, { issues: [{ path: ['baseRevision'], message }] }),
    }
  }
  return { input: rest, baseRevision, refusal: null }
}
