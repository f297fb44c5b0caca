// Whether the page is being printed: from `beforeprint` to `afterprint` (Ctrl+P, the browser's
// menu, Electron's print), and whenever the print medium applies (`matchMedia('print')`, which is
// also what a PDF made with Chromium's print emulation sets). Parts of the page that show only a
// window of their content on screen (the virtualized board) render all of it while this is true.
//
// `beforeprint` is dispatched before the browser lays the page out for paper, and Vue's update runs
// in the microtask checkpoint right after the event's listeners, so the printed page already has
// what this switched on.
import { onScopeDispose, ref, type Ref } from 'vue'

export function usePrinting(): Ref<boolean> {
  const printing = ref(false)
  if (typeof window === 'undefined') return printing
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
  let between = false
  const update = () => {
    printing.value = between || media?.matches === true
  }
  const before = () => {
    between = true
    update()
  }
  const after = () => {
    between = false
    update()
  }
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  media?.addEventListener('change', update)
  update()
  onScopeDispose(() => {
    window.removeEventListener('beforeprint', before)
    window.removeEventListener('afterprint', after)
    media?.removeEventListener('change', update)
  })
  return printing
}
