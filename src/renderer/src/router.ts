// Routes. Hash history: the same URLs work from Electron's file:// page and the browser host,
// with no server-side fallback. The measure page and the editor load on demand so the board's
// first paint carries only what it needs.
import { createRouter, createWebHashHistory, createMemoryHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import BoardView from './views/BoardView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'board', component: BoardView, meta: { titleKey: 'board.title' } },
  { path: '/new', name: 'new-measure', component: () => import('./views/MeasureEditView.vue'), meta: { titleKey: 'editor.createTitle' } },
  { path: '/measure/:id', name: 'measure', component: () => import('./views/MeasureView.vue'), props: true },
  {
    path: '/measure/:id/edit',
    name: 'edit-measure',
    component: () => import('./views/MeasureEditView.vue'),
    props: true,
    meta: { titleKey: 'editor.editTitle' },
  },
  { path: '/upcoming', name: 'upcoming', component: () => import('./views/UpcomingView.vue'), meta: { titleKey: 'upcoming.title' } },
  { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue'), meta: { titleKey: 'reviewList.title' } },
  { path: '/timeline', name: 'timeline', component: () => import('./views/TimelineView.vue'), meta: { titleKey: 'timeline.title' } },
  { path: '/report', name: 'report', component: () => import('./views/ReportView.vue'), meta: { titleKey: 'reportView.title' } },
  // The dataset update review (issue 16); ?source=embedded or ?source=feed opens it with that dataset.
  {
    path: '/dataset-update',
    name: 'dataset-update',
    component: () => import('./views/DatasetUpdateView.vue'),
    meta: { titleKey: 'datasetUpdate.title' },
  },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { titleKey: 'settings.title' } },
  { path: '/:missing(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
]

export function createAppRouter(history: RouterHistory = typeof window === 'undefined' ? createMemoryHistory() : createWebHashHistory()) {
  return createRouter({ history, routes })
}
