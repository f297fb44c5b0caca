// The stacked rate chart of one direction as an SVG tree: one step-shaped band per measure (the
// largest layers by peak, the rest as one "other measures" band), the total as a line on top, a
// percentage axis, the now and as-of lines, a legend and the measures listed but not summed.
// The bands are d3-shape areas with a step-after curve: a rate holds until the next change.
import { scaleLinear } from 'd3-scale'
import { area, curveStepAfter, line } from 'd3-shape'
import type { Locale } from '../domain.ts'
import type { RateLayer, RateSeries, TimeRange } from './model.ts'
import { patternDefs, patternId, type PatternName } from './patterns.ts'
import { timeAxis } from './scale.ts'
import { stepAt } from './stack.ts'
import { el, px, type SvgNode } from './svg.ts'

export interface RateText {
  title: string
  explanation: string
  lane(id: string): string
  others(count: number): string
  total: string
  unsummedTitle: string
  /** "Port fees (USD 50 / net ton)". */
  unsummed(id: string): string
  now: string
  asOf: string
}

export interface RateDrawing {
  series: RateSeries
  view: TimeRange
  width: number
  plotHeight: number
  nowMs: number
  asOfMs: number | null
  /** A highlighted instant (the tooltip's), drawn as a line. */
  cursorMs?: number | null
  locale: Locale
  text: RateText
  idPrefix: string
  /** List the measures not summed under the chart (the report, saved files); the app lists them as links. */
  listUnsummed?: boolean
}

export const MAX_LAYERS = 8
const LEFT = 48
const TOP = 34
const AXIS = 22
const LEGEND_ROW = 18
const LAYER_PATTERNS: (PatternName | null)[] = [null, 'sparse', 'vertical', 'horizontal', 'cross', 'dots', 'dense', null]

/** The bands drawn: the largest layers by peak (a layer never above 0 is left out), the rest summed as one. */
export function drawnLayers(layers: readonly RateLayer[]): { id: string | null; count: number; steps: RateLayer['steps'] }[] {
  const peak = (layer: RateLayer) => layer.steps.reduce((max, step) => Math.max(max, step.value ?? 0), 0)
  const visible = layers.filter((layer) => peak(layer) > 0)
  if (visible.length <= MAX_LAYERS) return visible.map((layer) => ({ id: layer.id, count: 1, steps: layer.steps }))
  const ranked = visible.slice().sort((a, b) => peak(b) - peak(a))
  const kept = new Set(ranked.slice(0, MAX_LAYERS - 1))
  const rest = visible.filter((layer) => !kept.has(layer))
  // The rest as one step function: its total at every instant one of them changes.
  const instants = [...new Set(rest.flatMap((layer) => layer.steps.map((step) => step.atMs)))].sort((a, b) => a - b)
  const steps = instants.map((atMs) => ({ atMs, value: rest.reduce((sum, layer) => sum + (stepAt(layer.steps, atMs)?.value ?? 0), 0) }))
  return [
    ...visible.filter((layer) => kept.has(layer)).map((layer) => ({ id: layer.id, count: 1, steps: layer.steps })),
    { id: null, count: rest.length, steps },
  ]
}

export function rateChartHeight(d: Pick<RateDrawing, 'series' | 'plotHeight' | 'listUnsummed'>): number {
  const legendRows = drawnLayers(d.series.layers).length + 1
  const unsummedRows = d.listUnsummed !== false && d.series.unsummed.length > 0 ? d.series.unsummed.length + 1 : 0
  return TOP + d.plotHeight + AXIS + (legendRows + unsummedRows) * LEGEND_ROW + 8
}

export function rateSvg(d: RateDrawing): SvgNode {
  const right = d.width - 12
  const axis = timeAxis(d.view, LEFT, right, d.locale)
  const bottom = TOP + d.plotHeight
  const bands = drawnLayers(d.series.layers)
  const instants = [
    ...new Set([
      d.view.fromMs,
      ...bands.flatMap((band) => band.steps.map((step) => step.atMs)).filter((t) => t > d.view.fromMs && t < d.view.toMs),
      d.view.toMs,
    ]),
  ].sort((a, b) => a - b)
  const matrix = bands.map((band) => instants.map((t) => stepAt(band.steps, t)?.value ?? 0))
  const totals = instants.map((_, j) => matrix.reduce((sum, row) => sum + (row[j] as number), 0))
  const maxTotal = Math.max(1, ...d.series.points.map((p) => p.total))
  const y = scaleLinear().domain([0, maxTotal]).nice().range([bottom, TOP])

  const nodes: SvgNode[] = [
    el('rect', { class: 'chart-bg', x: 0, y: 0, width: d.width, height: rateChartHeight(d) }),
    el('text', { class: 'chart-text group-text', x: 4, y: 14 }, [d.text.title]),
    el('text', { class: 'chart-text chart-muted', x: 4, y: 28 }, [d.text.explanation]),
  ]
  for (const tick of y.ticks(5)) {
    nodes.push(
      el('line', { class: 'grid', x1: LEFT, x2: right, y1: px(y(tick)), y2: px(y(tick)) }),
      el('text', { class: 'chart-text chart-muted', x: LEFT - 4, y: px(y(tick) + 4), 'text-anchor': 'end' }, [`${tick}%`]),
    )
  }
  for (const tick of axis.ticks) {
    nodes.push(
      el('line', { class: 'grid', x1: px(axis.x(tick.atMs)), x2: px(axis.x(tick.atMs)), y1: TOP, y2: bottom + 4 }),
      el('text', { class: 'chart-text chart-muted', x: px(axis.x(tick.atMs) + 3), y: bottom + 16 }, [tick.label]),
    )
  }
  const below = instants.map(() => 0)
  bands.forEach((_, i) => {
    const row = matrix[i] as number[]
    const base = below.slice()
    for (let j = 0; j < row.length; j++) below[j] = (below[j] as number) + (row[j] as number)
    const shape = area<number>()
      .curve(curveStepAfter)
      .x((j) => axis.x(instants[j] as number))
      .y0((j) => y(base[j] as number))
      .y1((j) => y(below[j] as number))
    const path = shape(instants.map((_, j) => j)) ?? ''
    const pattern = LAYER_PATTERNS[i % LAYER_PATTERNS.length]
    nodes.push(el('path', { class: `layer layer-${i}`, d: path }))
    if (pattern) nodes.push(el('path', { d: path, fill: `url(#${patternId(d.idPrefix, pattern)})`, 'pointer-events': 'none' }))
  })
  const totalLine = line<number>()
    .curve(curveStepAfter)
    .x((j) => axis.x(instants[j] as number))
    .y((j) => y(totals[j] as number))
  nodes.push(el('path', { class: 'total-line', d: totalLine(instants.map((_, j) => j)) ?? '' }))

  const vertical = (atMs: number, cls: string, label: string, row: number) => {
    const x = axis.x(atMs)
    if (x < LEFT || x > right) return
    nodes.push(
      el('line', { class: cls, x1: px(x), x2: px(x), y1: TOP, y2: bottom }),
      el('text', { class: 'chart-text line-label', x: px(x + 3), y: TOP + 10 + row * 12, 'font-weight': 700 }, [label]),
    )
  }
  vertical(d.nowMs, 'now-line', d.text.now, 0)
  if (d.asOfMs !== null && d.asOfMs !== d.nowMs) vertical(d.asOfMs, 'as-of-line', d.text.asOf, 1)
  if (d.cursorMs != null) {
    const x = axis.x(d.cursorMs)
    if (x >= LEFT && x <= right)
      nodes.push(el('line', { class: 'grid cursor-line', x1: px(x), x2: px(x), y1: TOP, y2: bottom, 'stroke-width': 2 }))
  }

  // Legend, top band last as drawn: one row per band, then the total.
  let ly = bottom + AXIS + 6
  bands.forEach((band, i) => {
    const pattern = LAYER_PATTERNS[i % LAYER_PATTERNS.length]
    nodes.push(
      el('rect', { class: `layer layer-${i}`, x: LEFT, y: ly, width: 22, height: 12 }),
      pattern ? el('rect', { x: LEFT, y: ly, width: 22, height: 12, fill: `url(#${patternId(d.idPrefix, pattern)})` }) : el('g'),
      el('text', { class: 'chart-text', x: LEFT + 28, y: ly + 10 }, [band.id === null ? d.text.others(band.count) : d.text.lane(band.id)]),
    )
    ly += LEGEND_ROW
  })
  nodes.push(
    el('line', { class: 'total-line', x1: LEFT, x2: LEFT + 22, y1: ly + 6, y2: ly + 6 }),
    el('text', { class: 'chart-text', x: LEFT + 28, y: ly + 10 }, [d.text.total]),
  )
  ly += LEGEND_ROW
  if (d.listUnsummed !== false && d.series.unsummed.length > 0) {
    nodes.push(el('text', { class: 'chart-text group-text', x: 4, y: ly + 10 }, [d.text.unsummedTitle]))
    ly += LEGEND_ROW
    for (const measure of d.series.unsummed) {
      nodes.push(el('text', { class: 'chart-text', x: LEFT, y: ly + 10 }, [d.text.unsummed(measure.id)]))
      ly += LEGEND_ROW
    }
  }
  const height = rateChartHeight(d)
  return el(
    'svg',
    {
      class: 'rate-chart',
      width: d.width,
      height,
      viewBox: `0 0 ${d.width} ${height}`,
      role: 'img',
      'aria-label': `${d.text.title}. ${d.text.explanation}`,
    },
    [el('title', {}, [d.text.title]), patternDefs(d.idPrefix, ['sparse', 'vertical', 'horizontal', 'cross', 'dots', 'dense']), ...nodes],
  )
}
