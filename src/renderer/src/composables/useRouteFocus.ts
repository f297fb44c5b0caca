// After moving to another page, put keyboard and screen-reader focus on its main heading (as a
// page load would), and name the window after the page.
import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { afterRender } from './inBackground.ts'

export function useRouteFocus(): void {
  const router = useRouter()
  const { t, locale } = useI18n()

  router.afterEach((to, from) => {
    if (from.matched.length === 0) return
    afterRender(() => {
      const active = document.activeElement
      // Someone already placed focus on purpose (a toast's Undo, a dialog): leave it.
      if (active && active !== document.body && !document.getElementById('main')?.contains(active)) return
      const heading = document.querySelector<HTMLElement>('#main h1')
      if (heading) {
        heading.tabIndex = -1
        heading.focus()
      }
    })
  })

  watch(
    [() => router.currentRoute.value.meta.titleKey, locale],
    ([key]) => {
      if (key) setTitle(t(key))
    },
    { immediate: true },
  )

  function setTitle(page: string): void {
    document.title = `${page} — ${t('app.name')}`
  }
}

/** For pages whose title is data (a measure's name). */
export function setDocumentTitle(page: string, appName: string): void {
  document.title = `${page} — ${appName}`
}
