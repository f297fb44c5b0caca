// Saving the timeline's charts and the rate series: SVG and CSV through the client's save (the
// desktop app's save dialog, a download in the browser), PNG as a download drawn from the SVG.
import { useClient } from '../api/client.ts'
import { downloadBlob, pngOf, PNG_MAX_SIDE } from '../components/timeline/save-chart.ts'
import { useToastStore } from '../stores/toasts.ts'
import { inBackground } from './inBackground.ts'

export interface ChartFile {
  svg: string
  width: number
  height: number
}

export function useChartFiles() {
  const client = useClient()
  return {
    saveSvg(file: ChartFile, filename: string): void {
      inBackground(client.saveFile({ filename, mimeType: 'image/svg+xml', content: file.svg }))
    },
    /**
     * Very tall timelines (thousands of lanes) are scaled down to fit the largest canvas; beyond
     * an eighth of full size the text is unreadable, so the user is told to filter or use SVG.
     */
    savePng(file: ChartFile, filename: string): void {
      if (Math.max(file.width, file.height) > PNG_MAX_SIDE * 8) {
        useToastStore().show({ messageKey: 'timeline.pngTooTall', tone: 'error' })
        return
      }
      inBackground(pngOf(file.svg, file.width, file.height).then((blob) => downloadBlob(blob, filename)))
    },
    saveCsv(content: string, filename: string): void {
      inBackground(client.saveFile({ filename, mimeType: 'text/csv', content }))
    },
  }
}
