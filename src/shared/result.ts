// The one shape every result takes across every transport (IPC drops Error subclasses, HTTP
// carries JSON): never throw across a boundary, return one of these.
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'STORAGE', 'FORBIDDEN', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorIssue {
  /** Where in the input: e.g. ["measures", 3, "events", 0, "at"]. */
  path: (string | number)[]
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  details?: { issues?: ApiErrorIssue[]; [key: string]: unknown }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, details?: ApiError['details']): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})

/** Thrown inside core to abort a transaction; turned into a failed Result at the service edge. */
export class ServiceError extends Error {
  readonly code: ErrorCode
  readonly details: ApiError['details']
  constructor(code: ErrorCode, message: string, details?: ApiError['details']) {
    super(message)
    this.code = code
    this.details = details
  }
}

/** Joins a path into the form people read in messages: measures[3].events[0].at */
export function formatIssuePath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '')
}
