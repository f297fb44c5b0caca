// The outcome dialog's form (issue 11) and the `events.recordOutcome` input it becomes. Pure, so
// the rules are unit-tested without a DOM:
// - which outcomes a lapsed deadline offers: extended and reinstated only when a suspension ended;
//   terminated and replaced not when the change that passed was itself a termination;
// - outcomes are dated at the deadline on its legal clock (editable), except "confirmed nothing
//   changed", which is dated now and never before the deadline (review-actions.ts's rule);
// - the extension part reuses `extensionEvent` (the Needs review form's checks: new end after
//   the dated instant, or a whole-number duration);
// - a source needs its web address (the domain keeps sources as links); the citation becomes its title.
import type { Confidence, Transition } from '../../../shared/domain.ts'
import { httpUrlSchema } from '../../../shared/domain.ts'
import { zoneOf } from '../../../shared/format.ts'
import type { OutcomeInput, OutcomeKind } from '../../../shared/outcome.ts'
import { epochMs } from '../../../shared/time.ts'
import { partsFromZoned, zonedFromParts, type ZonedParts } from './as-of.ts'
import { extensionEvent, newExtensionForm, zonedAt, type ExtensionForm } from './review-actions.ts'
import type { FieldIssue } from './validation.ts'

export interface OutcomeForm {
  outcome: OutcomeKind
  /** When the outcome took effect (all but "confirmed"). */
  dated: ZonedParts
  extension: ExtensionForm
  replacementId: string
  relation: 'related' | 'counter'
  sourceUrl: string
  sourceTitle: string
  confidence: Confidence
  /** Sources the measure already has, cited as well. */
  sourceIds: string[]
  note: string
}

export function outcomesFor(deadline: Pick<Transition, 'kind'>): OutcomeKind[] {
  const ended = deadline.kind === 'suspension_end'
  const wasTermination = deadline.kind === 'terminated'
  return [
    ...(ended ? (['extended', 'reinstated'] as const) : []),
    ...(wasTermination ? [] : (['terminated', 'replaced'] as const)),
    'confirmed',
  ]
}

export function newOutcomeForm(deadline: Pick<Transition, 'kind' | 'at'>, outcome?: OutcomeKind): OutcomeForm {
  const offered = outcomesFor(deadline)
  return {
    outcome: outcome && offered.includes(outcome) ? outcome : offered[0]!,
    dated: partsFromZoned(deadline.at),
    extension: newExtensionForm(deadline),
    replacementId: '',
    relation: 'related',
    sourceUrl: '',
    sourceTitle: '',
    confidence: 'official',
    sourceIds: [],
    note: '',
  }
}

const issue = (field: string, key: string): FieldIssue => ({ field, key, params: {}, raw: key })

export function buildOutcomeInput(
  measureId: string,
  form: OutcomeForm,
  deadline: Pick<Transition, 'at' | 'atMs'>,
  nowMs: number,
): { input: OutcomeInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  let at: string | null
  if (form.outcome === 'confirmed') at = nowMs > deadline.atMs ? zonedAt(nowMs, zoneOf(deadline.at)) : deadline.at
  else {
    at = form.dated.date && form.dated.time ? zonedFromParts(form.dated) : null
    if (at === null) issues.push(issue('at', form.dated.date && form.dated.time ? 'invalidInstant' : 'required'))
  }

  const input: OutcomeInput = {
    measureId,
    outcome: form.outcome,
    at: at ?? deadline.at,
    relation: form.relation,
    sourceIds: [...form.sourceIds],
    note: form.note.trim(),
  }
  if (form.outcome === 'extended' && at !== null) {
    const built = extensionEvent(form.extension, { at, atMs: epochMs(at) })
    issues.push(...built.issues)
    if (built.input?.until) input.until = built.input.until
    if (built.input?.duration) input.duration = built.input.duration
  }
  if (form.outcome === 'replaced') {
    if (form.replacementId === '') issues.push(issue('replacementId', 'chooseReplacement'))
    else input.replacementId = form.replacementId
  }

  const url = form.sourceUrl.trim()
  const title = form.sourceTitle.trim()
  if (url !== '') {
    if (httpUrlSchema.safeParse(url).success) input.source = { url, title, confidence: form.confidence }
    else issues.push(issue('source.url', 'invalidUrl'))
  } else if (title !== '') issues.push(issue('source.url', 'citationNeedsUrl'))

  return issues.length ? { input: null, issues } : { input, issues }
}
