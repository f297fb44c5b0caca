// Saving a chart: a standalone SVG (the drawing with the fixed print palette inside it, so it
// looks the same in any viewer), or a PNG drawn from that SVG on a canvas at twice the size.
import { printChartCss } from '../../../../shared/charts/style.ts'
import { el, svgDocument, type SvgNode } from '../../../../shared/charts/svg.ts'

export function standaloneSvg(tree: SvgNode): string {
  return svgDocument({ ...tree, children: [el('style', {}, [printChartCss()]), ...tree.children] })
}

/** The largest PNG side drawn: canvases beyond this fail silently in browsers. */
export const PNG_MAX_SIDE = 16_000

export async function pngOf(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  const factor = Math.min(scale, PNG_MAX_SIDE / Math.max(width, height))
  canvas.width = Math.round(width * factor)
  canvas.height = Math.round(height * factor)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  context.scale(factor, factor)
  context.drawImage(image, 0, 0, width, height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  )
}

/** A binary file goes to the browser's downloads (desktop: Electron's save prompt for downloads). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
