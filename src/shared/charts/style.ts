// How the charts look. The drawing only sets class names (and pattern fills); the app styles the
// classes with its theme's variables (light and dark, TimelineChart.vue), while the report and a
// saved SVG carry this fixed, printable light palette in a <style> element. Statuses never differ
// by colour alone: each has a fill pattern or shape, and bars carry their status as text when
// they are wide enough.
import { STATUSES, type Status } from '../domain.ts'

/** Light palette: the app's own light-theme status colours (styles/base.css), fill and edge. */
export const PRINT_STATUS_COLOURS: Record<Status, { fill: string; edge: string }> = {
  pending: { fill: '#e0e7ff', edge: '#312e81' },
  in_force: { fill: '#dcfce7', edge: '#14532d' },
  partly_suspended: { fill: '#ffedd5', edge: '#7c2d12' },
  suspended: { fill: '#fef3c7', edge: '#713f12' },
  terminated: { fill: '#e5e7eb', edge: '#374151' },
}

/** Fills for stacked rate layers: distinct in hue and lightness, each also hatched differently. */
export const PRINT_LAYER_COLOURS = ['#4c78a8', '#f58518', '#54a24b', '#b279a2', '#e45756', '#72b7b2', '#9d755d', '#bab0ac']

/** The stylesheet a standalone chart (report, saved file) carries. */
export function printChartCss(): string {
  const statuses = STATUSES.map((status) => {
    const { fill, edge } = PRINT_STATUS_COLOURS[status]
    return `.seg-${status}{fill:${fill};stroke:${edge}}.seg-text-${status}{fill:${edge}}`
  }).join('')
  const layers = PRINT_LAYER_COLOURS.map((colour, i) => `.layer-${i}{fill:${colour};stroke:#1a1d21}`).join('')
  return (
    `.chart-bg{fill:#ffffff}.chart-text{fill:#1a1d21;font:11px system-ui,'Noto Sans','Noto Sans CJK TC','Noto Sans CJK SC',sans-serif}` +
    `.chart-muted{fill:#4b5563}.grid{stroke:#c3c9d1;stroke-width:1}.pattern-line{stroke:#1a1d21;stroke-opacity:.45;stroke-width:1.2}` +
    `.seg{stroke-width:1}.seg-pending{stroke-dasharray:4 2}.marker{fill:#1a1d21;stroke:#ffffff;stroke-width:1}` +
    `.lapsed{fill:#b91c1c;stroke:#ffffff;stroke-width:1}.now-line{stroke:#1d4ed8;stroke-width:2}.as-of-line{stroke:#7c2d12;stroke-width:2;stroke-dasharray:6 3}` +
    `.total-line{fill:none;stroke:#1a1d21;stroke-width:2}.group-text{font-weight:600}.layer{stroke-width:.5}` +
    statuses +
    layers
  )
}
