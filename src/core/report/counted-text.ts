// The report's sentences that count something, written once for the HTML and Markdown outputs:
// each count takes its language's plural form (shared/i18n/plural.ts), and "the next 30 days" is a
// counted phrase of its own, so one day reads "the next 1 day".
import { translatePlural } from '../../shared/i18n/plural.ts'
import { translate } from '../../shared/i18n/translate.ts'
import type { ReportHead } from './model-types.ts'

/** What the counted sentences read: the report's language, window and totals. */
type Counted = Pick<ReportHead, 'lang' | 'options' | 'totals'>

const nextDays = (model: Counted): string => translatePlural(model.lang, 'common.days', model.options.days)

/** "12 measures · 3 need review · 5 deadlines in the next 30 days". */
export function summaryLine(model: Counted): string {
  const { lang, totals } = model
  return translate(lang, 'report.summary.line', {
    measures: translatePlural(lang, 'report.summary.measures', totals.measures),
    review: translatePlural(lang, 'report.summary.review', totals.needsReview),
    deadlines: translatePlural(lang, 'report.summary.deadlines', totals.deadlines, { days: nextDays(model) }),
  })
}

/** "Deadlines in the next 30 days". */
export const deadlinesHeading = (model: Counted): string => translate(model.lang, 'report.deadlines.heading', { days: nextDays(model) })

/** "No deadlines in the next 30 days." */
export const noDeadlines = (model: Counted): string => translate(model.lang, 'report.deadlines.none', { days: nextDays(model) })

/** "4 measures" beside a party's heading. */
export const measureCount = (model: Counted, count: number): string => translatePlural(model.lang, 'report.parties.count', count)
