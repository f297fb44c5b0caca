// @vitest-environment happy-dom
// Saving a chart too large for any canvas says so instead of doing nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setClient, type Client } from '../api/client.ts'
import { PNG_MAX_SIDE } from '../components/timeline/save-chart.ts'
import { useToastStore } from '../stores/toasts.ts'
import { useChartFiles } from './useChartFiles.ts'

describe('useChartFiles', () => {
  const saveFile = vi.fn(async () => ({ ok: true as const, value: { path: 'chart.svg' } }))
  beforeEach(() => {
    setActivePinia(createPinia())
    setClient({ saveFile } as unknown as Client)
  })
  afterEach(() => setClient(null))

  it('tells the user a timeline too tall for a PNG should be filtered or saved as SVG, and draws nothing', () => {
    const createElement = vi.spyOn(document, 'createElement')
    useChartFiles().savePng({ svg: '<svg/>', width: 900, height: PNG_MAX_SIDE * 8 + 1 }, 'measure-timeline.png')
    expect(useToastStore().toasts).toMatchObject([{ messageKey: 'timeline.pngTooTall', tone: 'error' }])
    expect(createElement).not.toHaveBeenCalledWith('canvas')
    createElement.mockRestore()
  })

  it('saves an SVG through the client’s save (the desktop dialog, or a download in the browser)', () => {
    useChartFiles().saveSvg({ svg: '<svg/>', width: 10, height: 10 }, 'measure-rates.svg')
    expect(saveFile).toHaveBeenCalledWith({ filename: 'measure-rates.svg', mimeType: 'image/svg+xml', content: '<svg/>' })
    expect(useToastStore().toasts).toEqual([])
  })
})
