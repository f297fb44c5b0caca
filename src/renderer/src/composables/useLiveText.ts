// Writes a frequently changing string into an element's one text node, outside the virtual DOM.
// For text that changes every second (countdowns): updating the existing Text node's data lets
// the browser re-lay out that text only, where a component re-render would rebuild vnodes and
// Vue's element-text patch would replace the node. The element's children are this
// composable's alone: give it an element the template leaves empty.
//
// `text(inView)` is told whether the element is in view (one shared IntersectionObserver), so
// text out of view can be coarser and change less often (a countdown drops its seconds there):
// it stays true for screen readers, find-in-page and copying, yet costs no layout on most ticks.
// Elements count as in view until the observer says otherwise, so text is right on mount and
// where there is no observer at all.
import { onBeforeUnmount, onMounted, shallowRef, watchEffect, type Ref, type ShallowRef, type WatchHandle } from 'vue'

export function writeText(element: HTMLElement, value: string): void {
  const node = element.firstChild
  if (node !== null && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== value) (node as Text).data = value
  } else {
    element.textContent = value
  }
}

const inViewOf = new WeakMap<Element, ShallowRef<boolean>>()
let observer: IntersectionObserver | null = null

function visibility(): IntersectionObserver | null {
  if (observer === null && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const inView = inViewOf.get(entry.target)
        if (inView) inView.value = entry.isIntersecting
      }
    })
  }
  return observer
}

/** Keeps `element`'s text equal to `text(inView)` from mount to unmount; the element must not be replaced (no v-if on it). */
export function useLiveText(element: Readonly<Ref<HTMLElement | null>>, text: (inView: boolean) => string): void {
  let target: HTMLElement | null = null
  let effect: WatchHandle | null = null

  onMounted(() => {
    target = element.value
    if (!target) return
    const into = target
    const inView = shallowRef(true)
    inViewOf.set(into, inView)
    // Runs now (the text is there in the first paint) and again whenever what `text` reads
    // changes, including coming into view or leaving it.
    effect = watchEffect(() => writeText(into, text(inView.value)))
    visibility()?.observe(into)
  })
  onBeforeUnmount(() => {
    effect?.stop()
    if (target) {
      visibility()?.unobserve(target)
      inViewOf.delete(target)
    }
  })
}
