// The charts' SVG tree (shared/charts/svg.ts) as Vue vnodes: the app draws the very tree the
// report serialises, patched by Vue like any template — no v-html.
import { h, type VNode } from 'vue'
import type { SvgNode } from '../../../../shared/charts/svg.ts'

export function svgVNode(node: SvgNode): VNode {
  return h(
    node.tag,
    node.attrs,
    node.children.map((child) => (typeof child === 'string' ? child : svgVNode(child))),
  )
}
