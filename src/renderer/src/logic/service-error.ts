// What a form says when the service refuses a change: the service's own message, except for a
// change refused because the measure changed meanwhile (issue 17, src/shared/revision.ts), which
// is said in the reader's language with who changed it, when and how.
import type { Locale } from '../../../shared/domain.ts'
import { formatInstant } from '../../../shared/format.ts'
import type { ApiError } from '../../../shared/result.ts'
import { isStaleChange } from '../../../shared/revision.ts'
import { userZone } from './zone.ts'

export interface Messages {
  t: (key: string, params?: Record<string, unknown>) => string
  /** Whether a message exists (vue-i18n's `te`). */
  te: (key: string) => boolean
  locale: Locale
}

/** The history's name for a recorded action (`measures.update` → "Facts edited"), else the method's name. */
export function auditActionText(action: string, { t, te }: Pick<Messages, 't' | 'te'>): string {
  const key = `history.action.${action.replace(/\./g, '_')}`
  return te(key) ? t(key) : action
}

export function serviceErrorText(error: ApiError, messages: Messages): string {
  if (error.code !== 'CONFLICT' || !isStaleChange(error.details)) return error.message
  const change = error.details.change
  if (change === null) return messages.t('common.staleChangeUnknown')
  const ms = Date.parse(change.at)
  return messages.t('common.staleChange', {
    actor: change.actor,
    when: Number.isNaN(ms) ? change.at : formatInstant(ms, userZone(), messages.locale),
    action: auditActionText(change.action, messages),
  })
}
