// The API methods the page may call — over the Electron bridge (preload + IPC) and the browser
// host alike. Everything else in src/shared/api.ts stays reachable only from code that holds the
// service itself (Electron main, the command line, tests), so a script running in the page (a
// future XSS, a hostile local page that got past the host's checks) can do no more than the UI can.
//
// The list is what the renderer calls (`useClient().call('…')` in src/renderer); the test next to
// this file keeps the two in step: a view that starts calling a method fails it until the method
// is added here (with who calls it), and the host, bridge and IPC then serve it. Left out on purpose, with who uses them instead:
// - exchange.import / exchange.export: the command line (`measure-tracker import|export`); the
//   page has no import or export of the whole database. An import can replace every measure.
// - reminders.due / reminders.markShown: Electron main's reminder scheduler calls the service
//   directly (src/main/reminders.ts); marking reminders as shown from the page would silence them.
// - events.remove, sources.add|update|remove, links.add|remove: no view uses them.
// - calendar.setSubscriptionFile: Electron main after its save dialog, and the command line; a
//   page that could name a path could make the host overwrite any file the user can write.
// (A method added to src/shared/api.ts is not exposed until a view calls it.)
// A type-only import, so the sandboxed preload can bundle this list without zod or the schemas.
import type { MethodName } from './api.ts'

export const EXPOSED_METHODS = [
  // The read-only banner (components/ReadOnlyBanner.vue): whether changes will be refused, and why.
  'meta.info',
  'measures.list',
  // The board's windowed list, counts and filter choices (composables/useBoardWindow.ts; issue 14).
  'measures.page',
  'measures.facets',
  // The timeline view's two charts (views/TimelineView.vue).
  'charts.data',
  'measures.get',
  'measures.tags',
  'measures.create',
  'measures.update',
  'measures.delete',
  'measures.restore',
  'events.record',
  'events.chooseAlternative',
  'events.recordOutcome',
  // The measure page's commitment progress (stores/measure.ts: recordProgress, removeProgress).
  'progress.record',
  'progress.remove',
  'notes.add',
  'notes.edit',
  'notes.pin',
  'notes.remove',
  'notes.restore',
  'notes.history',
  'tags.add',
  'tags.remove',
  'reminders.settings',
  'reminders.setLeadDays',
  'reminders.upcoming',
  'calendar.export',
  // Settings → Calendar (components/settings/CalendarSubscriptionPanel.vue): the subscribable
  // calendar's language, the kept file (shown; chosen only through Electron main's save dialog,
  // so the page never sends a path: calendar.setSubscriptionFile is not here) and the browser
  // host's address key (renew, turn off).
  'calendar.subscription',
  'calendar.configureSubscription',
  'report.build',
  // The measure page's "Print brief…" and "Save brief as PDF…" (composables/useMeasureBrief.ts).
  'report.brief',
  // Settings → Backups. A backup is named by its file name in the backups folder (the contract
  // refuses paths); a restore first keeps the current contents as a backup.
  'backups.list',
  'backups.inspect',
  'backups.create',
  'backups.restore',
  // Watching official sources (issue 16): Settings → Network (components/settings/NetworkPanel.vue)
  // asks for checks, turns sources on and off and adds feeds; the measure page and Needs review
  // list, dismiss and cite the items found (composables/useWatch.ts, stores/measure.ts). The
  // runner's own watch.plan and watch.record are not here: the page never does network work.
  'watch.status',
  'watch.configure',
  'watch.addFeed',
  'watch.setFeedEnabled',
  'watch.removeFeed',
  'watch.checkNow',
  'watch.cancel',
  'watch.setTerms',
  'watch.hits',
  'watch.dismiss',
  'watch.cite',
  // Dataset updates (issue 16): the update review (views/DatasetUpdateView.vue, stores/dataset-review.ts)
  // shows what a newer dataset changes, applies the measures the user ticks and undoes the last
  // update; Settings → Dataset and the board's banner read the status. The dataset is the file's
  // contents the user opened (never a path) or the one the app ships (embedded: true).
  'dataset.status',
  'dataset.diff',
  'dataset.apply',
  'dataset.undo',
  // The signed dataset feed (issue 16): Settings → Dataset feed (components/settings/DatasetFeedPanel.vue)
  // sets the address, key and schedule and asks for a check; the review reads the waiting file. The
  // runner's datasetFeed.plan and datasetFeed.record are not here.
  'datasetFeed.status',
  'datasetFeed.configure',
  'datasetFeed.checkNow',
  'datasetFeed.waitingFile',
] as const satisfies readonly MethodName[]

export type ExposedMethod = (typeof EXPOSED_METHODS)[number]

const exposed: ReadonlySet<string> = new Set(EXPOSED_METHODS)

export function isExposedMethod(name: unknown): name is ExposedMethod {
  return typeof name === 'string' && exposed.has(name)
}
