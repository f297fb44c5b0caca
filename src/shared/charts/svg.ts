// SVG as plain data: the charts build a tree of these nodes once, and it becomes either a string
// (the report, "Save as SVG") or Vue vnodes (the app) — one drawing, two outputs, no v-html.
export interface SvgNode {
  tag: string
  attrs: Record<string, string | number>
  children: (SvgNode | string)[]
}

export function el(
  tag: string,
  attrs: Record<string, string | number | undefined | null> = {},
  children: (SvgNode | string | null | false)[] = [],
): SvgNode {
  const kept: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) kept[name] = value
  return { tag, attrs: kept, children: children.filter((child): child is SvgNode | string => child !== null && child !== false) }
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;')

/**
 * Serialises a tree; every text and attribute value is escaped, so data can never add markup. The
 * attribute `key` is not SVG: it names a node among its siblings, so that Vue patches the same
 * element across zooms instead of replacing it (svg-vnode.ts), and is left out here.
 */
export function svgString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .filter(([name]) => name !== 'key')
    .map(([name, value]) => ` ${name}="${escapeAttr(String(value))}"`)
    .join('')
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`
  const inner = node.children.map((child) => (typeof child === 'string' ? escapeText(child) : svgString(child))).join('')
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`
}

/** A standalone file: the XML namespace on the root, as an image viewer needs it. */
export function svgDocument(node: SvgNode): string {
  return svgString({ ...node, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...node.attrs } })
}

/** Rounds coordinates to a tenth of a pixel: smaller files, identical pictures. */
export const px = (value: number) => Math.round(value * 10) / 10
