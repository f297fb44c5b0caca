// The timeline as an SVG tree: a time axis on top, one lane per measure with its status
// segments, transition markers and the lapse that needs review, the now line and the as-of line,
// and a legend. Pure: the app draws the visible lanes of a scrolled list with it, the report
// draws every lane; neither decides anything the data did not.
import type { Locale, Status, TransitionKind } from '../domain.ts'
import { STATUSES } from '../domain.ts'
import type { LaneRow } from './lanes.ts'
import type { TimeRange, TimelineLane } from './model.ts'
import { patternDefs, patternId, type PatternName } from './patterns.ts'
import { timeAxis, type TimeAxis } from './scale.ts'
import { el, px, type SvgNode } from './svg.ts'

export interface TimelineText {
  title: string
  lane(id: string): string
  group(label: string, count: number): string
  status(status: Status): string
  marker(kind: TransitionKind): string
  now: string
  asOf: string
  legendEvent: string
  legendLapsed: string
  /** A segment's or marker's accessible text (dates in the reader's and the legal zone). */
  describeSegment(laneId: string, status: Status, fromMs: number, toMs: number, from: string | null, to: string | null): string
  describeMarker(laneId: string, kind: TransitionKind, atMs: number, at: string, lapsed: boolean): string
}

export interface TimelineDrawing {
  lanes: ReadonlyMap<string, TimelineLane>
  /** The rows to draw (all of them, or the visible window), with `y` from the list's top. */
  rows: readonly LaneRow[]
  /** The list's scroll offset: rows are drawn at y − top. */
  top: number
  /** Height of the lanes area. */
  height: number
  width: number
  labelWidth: number
  view: TimeRange
  nowMs: number
  /** The as-of line, when the view is of another instant than now. */
  asOfMs: number | null
  locale: Locale
  text: TimelineText
  /** Unique per drawing on a page: prefixes pattern ids. */
  idPrefix: string
  /** Focusable lanes, segments and markers with data attributes (the app); plain tooltips otherwise. */
  interactive: boolean
}

export const AXIS_HEIGHT = 26
const LEGEND_ROW = 20
/** Room for the legend: two rows. */
export const LEGEND_HEIGHT = 2 * LEGEND_ROW + 8
const BAR_INSET = 6
const CHAR_PX = 6.6
/** Han, kana and full-width characters take about twice a Latin letter's width. */
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/

/** Roughly how wide `text` is at the charts' 11–12 px type, in pixels (no measuring in Node). */
const widths = new Map<string, number>()
export function textWidth(text: string): number {
  let width = widths.get(text)
  if (width === undefined) {
    width = 0
    for (const char of text) width += WIDE.test(char) ? 2 * CHAR_PX : CHAR_PX
    if (widths.size > 10_000) widths.clear()
    widths.set(text, width)
  }
  return width
}

const STATUS_PATTERN: Partial<Record<Status, PatternName>> = { suspended: 'dense', partly_suspended: 'sparse', pending: 'dots' }

/** Where a lane is drawn: its row's top and height, the time axis and the plot's left and right edges. */
interface LanePlace {
  lane: TimelineLane
  axis: TimeAxis
  y: number
  height: number
  d: TimelineDrawing
  left: number
  right: number
}

function segmentNodes({ lane, axis, y, height, d, left, right }: LanePlace): SvgNode[] {
  const nodes: SvgNode[] = []
  lane.segments.forEach((segment, index) => {
    const x0 = Math.max(left, axis.x(segment.fromMs))
    const x1 = Math.min(right, axis.x(segment.toMs))
    if (x1 - x0 < 0.5) return
    const terminated = segment.status === 'terminated'
    const barY = terminated ? y + height / 2 - 2 : y + BAR_INSET
    const barH = terminated ? 4 : height - 2 * BAR_INSET
    const label = d.text.status(segment.status)
    const description = d.text.describeSegment(lane.id, segment.status, segment.fromMs, segment.toMs, segment.from, segment.to)
    const pattern = STATUS_PATTERN[segment.status]
    // The bar itself carries the accessible text (and, printed, its tooltip); the hatching and the
    // label on top let the pointer through to it. No wrapper: fewer nodes to patch on each zoom.
    nodes.push(
      el(
        'rect',
        {
          key: `s${index}`,
          class: `seg seg-${segment.status}`,
          x: px(x0),
          y: px(barY),
          width: px(x1 - x0),
          height: barH,
          ...(d.interactive ? { tabindex: 0, role: 'img', 'aria-label': description, 'data-lane': lane.id, 'data-segment': index } : {}),
        },
        d.interactive ? [] : [el('title', {}, [description])],
      ),
    )
    if (pattern)
      nodes.push(
        el('rect', {
          key: `p${index}`,
          x: px(x0),
          y: px(barY),
          width: px(x1 - x0),
          height: barH,
          fill: `url(#${patternId(d.idPrefix, pattern)})`,
          'pointer-events': 'none',
        }),
      )
    if (!terminated && x1 - x0 > textWidth(label) + 10)
      nodes.push(
        el(
          'text',
          {
            key: `t${index}`,
            class: `chart-text seg-text-${segment.status}`,
            x: px(x0 + 5),
            y: px(y + height / 2 + 4),
            'pointer-events': 'none',
          },
          [label],
        ),
      )
  })
  return nodes
}

function markerNodes({ lane, axis, y, height, d, left, right }: LanePlace): SvgNode[] {
  const nodes: SvgNode[] = []
  const mid = y + height / 2
  lane.markers.forEach((marker, index) => {
    const x = axis.x(marker.atMs)
    if (x < left || x > right) return
    const description = d.text.describeMarker(lane.id, marker.kind, marker.atMs, marker.at, false)
    nodes.push(
      el(
        'path',
        {
          key: `m${index}`,
          class: 'marker',
          d: `M${px(x)} ${px(mid - 5)}l4 5l-4 5l-4 -5z`,
          ...(d.interactive ? { tabindex: 0, role: 'img', 'aria-label': description, 'data-lane': lane.id, 'data-marker': index } : {}),
        },
        d.interactive ? [] : [el('title', {}, [description])],
      ),
    )
  })
  const lapsed = lane.lapsed
  if (lapsed !== null) {
    const x = axis.x(lapsed.atMs)
    if (x >= left && x <= right) {
      const description = d.text.describeMarker(lane.id, lapsed.kind, lapsed.atMs, lapsed.at, true)
      nodes.push(
        el(
          'g',
          d.interactive
            ? {
                key: 'lapsed',
                class: 'lapsed-hit',
                tabindex: 0,
                role: 'img',
                'aria-label': description,
                'data-lane': lane.id,
                'data-lapsed': 1,
              }
            : { key: 'lapsed', class: 'lapsed-hit' },
          [
            d.interactive ? null : el('title', {}, [description]),
            el('path', { class: 'lapsed', d: `M${px(x)} ${px(y + 2)}l7 12h-14z` }),
            el(
              'text',
              {
                class: 'chart-text',
                x: px(x),
                y: px(y + 13),
                'text-anchor': 'middle',
                fill: '#ffffff',
                'font-weight': 700,
                'pointer-events': 'none',
              },
              ['!'],
            ),
          ],
        ),
      )
    }
  }
  return nodes
}

/** `text` cut with an ellipsis to fit `width` pixels. */
function fitted(text: string, width: number): string {
  if (textWidth(text) <= width) return text
  let out = ''
  for (const char of text) {
    if (textWidth(`${out}${char}…`) > width) break
    out += char
  }
  return `${out}…`
}

function legend(d: TimelineDrawing, y: number): SvgNode {
  const items: SvgNode[] = []
  let x = d.labelWidth
  let row = y
  // Items wrap to a second row when the first is full (long labels in some languages).
  const place = (width: number) => {
    if (x + width > d.width - 8 && x > d.labelWidth) {
      x = d.labelWidth
      row += LEGEND_ROW
    }
    const at = x
    x += width
    return at
  }
  for (const status of STATUSES) {
    const pattern = STATUS_PATTERN[status]
    const label = d.text.status(status)
    const at = place(40 + textWidth(label))
    const terminated = status === 'terminated'
    items.push(
      el('rect', { class: `seg seg-${status}`, x: at, y: terminated ? row + 12 : row + 8, width: 22, height: terminated ? 4 : 12 }),
    )
    if (pattern) items.push(el('rect', { x: at, y: row + 8, width: 22, height: 12, fill: `url(#${patternId(d.idPrefix, pattern)})` }))
    items.push(el('text', { class: 'chart-text', x: at + 27, y: row + 18 }, [label]))
  }
  let at = place(30 + textWidth(d.text.legendEvent))
  items.push(
    el('path', { class: 'marker', d: `M${at + 4} ${row + 9}l4 5l-4 5l-4 -5z` }),
    el('text', { class: 'chart-text', x: at + 12, y: row + 18 }, [d.text.legendEvent]),
  )
  at = place(30 + textWidth(d.text.legendLapsed))
  items.push(
    el('path', { class: 'lapsed', d: `M${at + 6} ${row + 7}l7 12h-14z` }),
    el('text', { class: 'chart-text', x: at + 16, y: row + 18 }, [d.text.legendLapsed]),
  )
  return el('g', { key: 'legend', class: 'legend' }, items)
}

export function timelineSvg(d: TimelineDrawing): SvgNode {
  const left = d.labelWidth
  const right = d.width - 8
  const axis = timeAxis(d.view, left, right, d.locale)
  const totalHeight = AXIS_HEIGHT + d.height + LEGEND_HEIGHT
  const bottom = AXIS_HEIGHT + d.height
  const grid = axis.ticks.map((tick) =>
    el('g', { key: `tick${tick.atMs}` }, [
      el('line', { class: 'grid', x1: px(axis.x(tick.atMs)), x2: px(axis.x(tick.atMs)), y1: AXIS_HEIGHT - 4, y2: bottom }),
      el('text', { class: 'chart-text chart-muted', x: px(axis.x(tick.atMs) + 3), y: 16 }, [tick.label]),
    ]),
  )
  const rows: SvgNode[] = []
  for (const row of d.rows) {
    const y = AXIS_HEIGHT + row.y - d.top
    if (y + row.height < AXIS_HEIGHT || y > bottom) continue
    if (row.type === 'group') {
      rows.push(
        el('text', { key: row.key, class: 'chart-text group-text', x: 6, y: px(y + row.height - 8) }, [d.text.group(row.label, row.count)]),
      )
      continue
    }
    const lane = d.lanes.get(row.id)
    if (lane === undefined) continue
    const title = d.text.lane(row.id)
    // The app shows the whole title, clipped at the column's edge, so its accessible name is its
    // text; a printed chart shortens it with an ellipsis and keeps the whole title as a tooltip.
    const shown = d.interactive ? title : fitted(title, left - 12)
    rows.push(
      el('g', { key: row.key, class: 'lane', 'data-lane-row': row.id }, [
        el('line', { key: 'rule', class: 'grid', x1: 0, x2: right, y1: px(y + row.height), y2: px(y + row.height), 'stroke-opacity': 0.4 }),
        el(
          'text',
          {
            key: 'label',
            class: 'chart-text lane-label',
            x: 6,
            y: px(y + row.height / 2 + 4),
            ...(d.interactive ? { tabindex: 0, role: 'link', 'data-open': row.id, 'clip-path': `url(#${d.idPrefix}-labels)` } : {}),
          },
          [shown, ...(shown === title ? [] : [el('title', {}, [title])])],
        ),
        ...segmentNodes({ lane, axis, y, height: row.height, d, left, right }),
        ...markerNodes({ lane, axis, y, height: row.height, d, left, right }),
      ]),
    )
  }
  const lines: SvgNode[] = []
  // The as-of label sits a line below the now label: the two are often days apart.
  const line = (atMs: number, cls: string, label: string, row: number) => {
    const x = axis.x(atMs)
    if (x < left || x > right) return
    lines.push(
      el('line', { key: cls, class: cls, x1: px(x), x2: px(x), y1: AXIS_HEIGHT - 6, y2: bottom }),
      el(
        'text',
        { key: `${cls}-label`, class: 'chart-text line-label', x: px(x + 3), y: AXIS_HEIGHT + 10 + row * 12, 'font-weight': 700 },
        [label],
      ),
    )
  }
  line(d.nowMs, 'now-line', d.text.now, 0)
  if (d.asOfMs !== null && d.asOfMs !== d.nowMs) line(d.asOfMs, 'as-of-line', d.text.asOf, 1)
  return el(
    'svg',
    {
      class: 'timeline-chart',
      width: d.width,
      height: totalHeight,
      viewBox: `0 0 ${d.width} ${totalHeight}`,
      role: d.interactive ? 'group' : 'img',
      'aria-label': d.text.title,
    },
    [
      d.interactive ? null : el('title', { key: 'title' }, [d.text.title]),
      { ...patternDefs(d.idPrefix, ['dense', 'sparse', 'dots']), attrs: { key: 'defs' } },
      el('clipPath', { key: 'clip-labels', id: `${d.idPrefix}-labels` }, [
        el('rect', { x: 0, y: 0, width: left - 8, height: totalHeight }),
      ]),
      el('clipPath', { key: 'clip-lanes', id: `${d.idPrefix}-lanes` }, [
        el('rect', { x: 0, y: AXIS_HEIGHT, width: d.width, height: d.height }),
      ]),
      el('rect', { key: 'bg', class: 'chart-bg', x: 0, y: 0, width: d.width, height: totalHeight }),
      ...grid,
      // Rows half scrolled out stay under the axis and above the legend.
      el('g', { key: 'lanes', 'clip-path': `url(#${d.idPrefix}-lanes)` }, rows),
      ...lines,
      legend(d, bottom),
    ],
  )
}
