// Fill patterns that tell statuses and rate layers apart without colour.
import { el, type SvgNode } from './svg.ts'

export type PatternName = 'dense' | 'sparse' | 'cross' | 'dots' | 'vertical' | 'horizontal'

const LINES: Record<PatternName, (size: number) => SvgNode[]> = {
  dense: (s) => [el('path', { class: 'pattern-line', d: `M0 ${s}L${s} 0` })],
  sparse: (s) => [el('path', { class: 'pattern-line', d: `M0 ${s}L${s} 0` })],
  cross: (s) => [el('path', { class: 'pattern-line', d: `M0 ${s}L${s} 0M0 0L${s} ${s}` })],
  dots: (s) => [el('circle', { class: 'pattern-line', cx: s / 2, cy: s / 2, r: 0.8 })],
  vertical: (s) => [el('path', { class: 'pattern-line', d: `M${s / 2} 0V${s}` })],
  horizontal: (s) => [el('path', { class: 'pattern-line', d: `M0 ${s / 2}H${s}` })],
}
const SIZE: Record<PatternName, number> = { dense: 5, sparse: 10, cross: 8, dots: 5, vertical: 6, horizontal: 6 }

export const patternId = (prefix: string, name: PatternName) => `${prefix}-${name}`

export function patternDefs(prefix: string, names: readonly PatternName[]): SvgNode {
  return el(
    'defs',
    {},
    names.map((name) =>
      el(
        'pattern',
        { id: patternId(prefix, name), width: SIZE[name], height: SIZE[name], patternUnits: 'userSpaceOnUse' },
        LINES[name](SIZE[name]),
      ),
    ),
  )
}
