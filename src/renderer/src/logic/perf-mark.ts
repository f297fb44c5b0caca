// Performance marks for the benchmark (bench/renderer.ts). A mark is replaced, never added to:
// the board reloads on every data change, and marks that were never cleared would pile up in
// the page's performance timeline for as long as the window stays open.

/** Sets the mark `name`, dropping any earlier mark of that name. */
export function replaceMark(name: string, timeline: Pick<Performance, 'clearMarks' | 'mark'> = performance): void {
  timeline.clearMarks(name)
  timeline.mark(name)
}
