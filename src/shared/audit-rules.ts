// How each change is audited (issue 17), declared per method beside the contract rather than
// guessed by the service from the shape of its input (src/core/service/index.ts applies it): which measure it touches (its page before and after is the audit row), or that
// the handler writes its own rows (many measures at once, a setting with its value before, a
// check's compact record), or that it runs in transactions of its own. A mutation added to the
// contract without a rule here does not compile.
import type { MutationName } from './api.ts'

export type AuditRule =
  /** One measure, named by the input's `measureId` or `id`, or by the answer's `id` (a new measure). `answersPage`: the answer is that measure's page, whose history then shows this change. */
  | { audit: 'measure'; from: 'measureId' | 'id' | 'answer'; answersPage?: true }
  /** No measure: the answer is what the row records. */
  | { audit: 'answer' }
  /** The handler writes its own audit rows, in the service's transaction. */
  | { audit: 'self' }
  /** The handler runs its own transactions (and audits what it keeps): a long import, a backup. */
  | { audit: 'self'; transaction: 'own' }

const BY_MEASURE_ID: AuditRule = { audit: 'measure', from: 'measureId' }
const SELF: AuditRule = { audit: 'self' }
const OWN_TRANSACTION: AuditRule = { audit: 'self', transaction: 'own' }
const ANSWER: AuditRule = { audit: 'answer' }

export const AUDIT_RULES: { readonly [M in MutationName]: AuditRule } = {
  'measures.create': { audit: 'measure', from: 'answer', answersPage: true },
  'measures.update': { audit: 'measure', from: 'id', answersPage: true },
  'measures.delete': { audit: 'measure', from: 'id' },
  'measures.restore': { audit: 'measure', from: 'id', answersPage: true },
  'events.record': BY_MEASURE_ID,
  'events.remove': BY_MEASURE_ID,
  'events.chooseAlternative': BY_MEASURE_ID,
  'events.recordOutcome': BY_MEASURE_ID,
  'progress.record': BY_MEASURE_ID,
  'progress.remove': BY_MEASURE_ID,
  'sources.add': BY_MEASURE_ID,
  'sources.update': BY_MEASURE_ID,
  'sources.remove': BY_MEASURE_ID,
  'links.add': BY_MEASURE_ID,
  'links.remove': BY_MEASURE_ID,
  'notes.add': BY_MEASURE_ID,
  'notes.edit': BY_MEASURE_ID,
  'notes.pin': BY_MEASURE_ID,
  'notes.remove': BY_MEASURE_ID,
  'notes.restore': BY_MEASURE_ID,
  'tags.add': BY_MEASURE_ID,
  'tags.remove': BY_MEASURE_ID,
  // A setting with its value before; the reminders shown (no measure page changes).
  'reminders.setLeadDays': SELF,
  'reminders.markShown': SELF,
  // The calendar subscription, recorded without its key.
  'calendar.configureSubscription': SELF,
  'calendar.setSubscriptionFile': SELF,
  // Many measures, staged and copied in transactions of its own, one summary row.
  'exchange.import': OWN_TRANSACTION,
  'backups.create': OWN_TRANSACTION,
  'backups.restore': OWN_TRANSACTION,
  // Watching (issue 16): settings with their value before, and the runner's compact record of a check.
  'watch.configure': SELF,
  'watch.addFeed': SELF,
  'watch.setFeedEnabled': SELF,
  'watch.removeFeed': SELF,
  'watch.record': SELF,
  'watch.checkNow': ANSWER,
  'watch.cancel': ANSWER,
  'watch.setTerms': BY_MEASURE_ID,
  'watch.dismiss': BY_MEASURE_ID,
  'watch.cite': BY_MEASURE_ID,
  // Dataset updates: one summary row naming the versions ("dataset us-cn-truce-2025 v3 → v4").
  'dataset.apply': SELF,
  'dataset.undo': SELF,
  // The dataset feed: its settings with their value before; a check's compact result (no file bytes).
  'datasetFeed.configure': SELF,
  'datasetFeed.checkNow': ANSWER,
  'datasetFeed.record': SELF,
}

/** The measure a change touches, as its rule declares (null: none, or not known before the handler runs). */
export function measureBefore(rule: AuditRule, input: { measureId?: string; id?: string }): string | null {
  if (rule.audit !== 'measure') return null
  if (rule.from === 'measureId') return input.measureId ?? null
  if (rule.from === 'id') return input.id ?? null
  return null
}
