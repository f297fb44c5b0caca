// Remembered window size and position: saved as JSON under userData, restored only where a
// display can show it (a monitor unplugged since last time must not leave the window off-screen).
import { mkdirSync, readFileSync } from 'node:fs'
import { writeFileAtomically } from '../core/fs/atomic-write.ts'
import { dirname } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

/** Where and how big the window opens; x/y absent means "let Electron centre it". */
export interface InitialBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const
export const MIN_SIZE = { width: 720, height: 480 } as const
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 } as const

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)

/** Parses the saved file; anything malformed (hand-edited, truncated, older shape) is ignored. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (!text) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const { bounds, maximized } = data as { bounds?: unknown; maximized?: unknown }
  if (typeof bounds !== 'object' || bounds === null) return null
  const { x, y, width, height } = bounds as Record<string, unknown>
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return null
  if (width <= 0 || height <= 0 || width > 100_000 || height > 100_000) return null
  return { bounds: { x, y, width, height }, maximized: maximized === true }
}

function intersectionArea(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

function defaultBounds(primary: Rect): InitialBounds {
  return {
    width: clamp(DEFAULT_SIZE.width, Math.min(MIN_SIZE.width, primary.width), primary.width),
    height: clamp(DEFAULT_SIZE.height, Math.min(MIN_SIZE.height, primary.height), primary.height),
    maximized: false,
  }
}

/**
 * Decides where the window opens from what was saved and the displays' work areas now.
 * - Nothing saved: the default size, centred on the primary display.
 * - Saved bounds still substantially visible: the display they overlap most; size capped to
 *   its work area and position pulled fully inside it.
 * - Saved bounds off every display: the saved size (capped) centred on the primary display.
 * The maximized flag is kept in every case.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): InitialBounds {
  if (!saved) return defaultBounds(primary)
  const { bounds } = saved
  let best: Rect | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const overlap = intersectionArea(bounds, area)
    const size = overlap.width * overlap.height
    const visibleEnough =
      overlap.width >= Math.min(MIN_VISIBLE.width, bounds.width) && overlap.height >= Math.min(MIN_VISIBLE.height, bounds.height)
    if (visibleEnough && size > bestArea) {
      best = area
      bestArea = size
    }
  }
  if (!best) {
    return {
      width: clamp(bounds.width, Math.min(MIN_SIZE.width, primary.width), primary.width),
      height: clamp(bounds.height, Math.min(MIN_SIZE.height, primary.height), primary.height),
      maximized: saved.maximized,
    }
  }
  const width = clamp(bounds.width, Math.min(MIN_SIZE.width, best.width), best.width)
  const height = clamp(bounds.height, Math.min(MIN_SIZE.height, best.height), best.height)
  return {
    x: clamp(bounds.x, best.x, best.x + best.width - width),
    y: clamp(bounds.y, best.y, best.y + best.height - height),
    width,
    height,
    maximized: saved.maximized,
  }
}

export interface WindowStateFile {
  load(): WindowState | null
  save(state: WindowState): void
}

/** Reads and writes the state file; a failed write is reported, never thrown (it is a nicety). */
export function windowStateFile(path: string, onError: (error: unknown) => void = () => {}): WindowStateFile {
  return {
    load() {
      try {
        return parseWindowState(readFileSync(path, 'utf8'))
      } catch {
        return null
      }
    },
    save(state) {
      try {
        mkdirSync(dirname(path), { recursive: true })
        // Write then rename, so a crash mid-write never leaves half a file behind.
        writeFileAtomically(path, `${JSON.stringify(state, null, 2)}\n`)
      } catch (error) {
        onError(error)
      }
    },
  }
}

/** The parts of a BrowserWindow the tracker needs (a fake in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  getNormalBounds(): Rect
  isMaximized(): boolean
  isMinimized(): boolean
  isFullScreen(): boolean
  isDestroyed(): boolean
}

/**
 * Follows a window's bounds and saves them: debounced while it moves or resizes, at once when it
 * closes. Normal (unmaximized) bounds are saved, so un-maximizing next time lands where it was.
 * Returns `flush`, which saves any pending change immediately.
 */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void, debounceMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const capture = (): WindowState | null => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return null
    const { x, y, width, height } = window.getNormalBounds()
    return { bounds: { x, y, width, height }, maximized: window.isMaximized() }
  }
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    const state = capture()
    if (state) save(state)
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
    timer.unref?.()
  }
  window.on('resize', schedule)
  window.on('move', schedule)
  window.on('maximize', flush)
  window.on('unmaximize', flush)
  window.on('close', flush)
  return flush
}
