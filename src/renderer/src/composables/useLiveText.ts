// Writes a frequently changing string into an element's one text node, outside the virtual DOM.
// For text that changes every second (countdowns): updating the existing Text node's data lets
// the browser re-lay out that text only, where a component re-render would rebuild vnodes and
// Vue's element-text patch would replace the node. The element's children are this
// composable's alone: give it an element the template leaves empty.
//
// Text scrolled out of view (the virtual list's overscan rows, a long measure page) is not
// rewritten: one shared IntersectionObserver pauses its effect and resumes it, bringing the text
// up to date, as it comes back into view. Elements count as visible until the observer says
// otherwise, so text is right on mount and where there is no observer at all.
import { onBeforeUnmount, onMounted, watchEffect, type Ref, type WatchHandle } from 'vue'

export function writeText(element: HTMLElement, value: string): void {
  const node = element.firstChild
  if (node !== null && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== value) (node as Text).data = value
  } else {
    element.textContent = value
  }
}

const effects = new WeakMap<Element, WatchHandle>()
let observer: IntersectionObserver | null = null

function visibility(): IntersectionObserver | null {
  if (observer === null && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const effect = effects.get(entry.target)
        if (entry.isIntersecting) effect?.resume()
        else effect?.pause()
      }
    })
  }
  return observer
}

/** Keeps `element`'s text equal to `text()` from mount to unmount; the element must not be replaced (no v-if on it). */
export function useLiveText(element: Readonly<Ref<HTMLElement | null>>, text: () => string): void {
  let target: HTMLElement | null = null
  let effect: WatchHandle | null = null

  onMounted(() => {
    target = element.value
    if (!target) return
    const into = target
    // Runs now (the text is there in the first paint) and again whenever what `text` reads changes.
    effect = watchEffect(() => writeText(into, text()))
    effects.set(into, effect)
    visibility()?.observe(into)
  })
  onBeforeUnmount(() => {
    effect?.stop()
    if (target) {
      visibility()?.unobserve(target)
      effects.delete(target)
    }
  })
}
