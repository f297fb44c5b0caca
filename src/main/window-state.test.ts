import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  parseWindowState,
  restoreBounds,
  trackWindowState,
  windowStateFile,
  type Rect,
  type TrackedWindow,
  type WindowState,
} from './window-state.ts'

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }
const saved = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized })

describe('parseWindowState', () => {
  it('reads what was saved', () => {
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":900,"height":700},"maximized":true}')).toEqual(
      saved({ x: 10, y: 20, width: 900, height: 700 }, true),
    )
  })
  it.each([
    ['nothing', null],
    ['empty', ''],
    ['not JSON', '{bounds'],
    ['an array', '[]'],
    ['no bounds', '{"maximized":true}'],
    ['string numbers', '{"bounds":{"x":"1","y":0,"width":900,"height":700}}'],
    ['fractions', '{"bounds":{"x":1.5,"y":0,"width":900,"height":700}}'],
    ['zero width', '{"bounds":{"x":0,"y":0,"width":0,"height":700}}'],
    ['negative height', '{"bounds":{"x":0,"y":0,"width":900,"height":-1}}'],
    ['absurd size', '{"bounds":{"x":0,"y":0,"width":900000,"height":700}}'],
  ])('ignores %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull()
  })
  it('treats a missing maximized flag as false', () => {
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":900,"height":700}}')?.maximized).toBe(false)
  })
})

describe('restoreBounds', () => {
  it('opens at the default size, centred (no x/y), when nothing was saved', () => {
    expect(restoreBounds(null, [primary], primary)).toEqual({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, maximized: false })
  })

  it('caps the default size to a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 600 }
    expect(restoreBounds(null, [small], small)).toEqual({ width: 1024, height: 600, maximized: false })
  })

  it('keeps saved bounds that are fully on a display', () => {
    expect(restoreBounds(saved({ x: 100, y: 50, width: 1000, height: 700 }), [primary], primary)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('keeps a window on the second display where it was', () => {
    expect(restoreBounds(saved({ x: 2200, y: 100, width: 1200, height: 800 }), [primary, right], primary)).toMatchObject({
      x: 2200,
      y: 100,
    })
  })

  it('moves a window that hangs over the edge back inside its display', () => {
    expect(restoreBounds(saved({ x: 1500, y: 900, width: 1000, height: 700 }), [primary], primary)).toEqual({
      x: 920,
      y: 340,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('shrinks a window bigger than the display it is on', () => {
    expect(restoreBounds(saved({ x: -50, y: -50, width: 3000, height: 2000 }), [primary], primary)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    })
  })

  it('brings a window from an unplugged monitor back to the primary display, centred', () => {
    const restored = restoreBounds(saved({ x: 2200, y: 100, width: 1200, height: 800 }, true), [primary], primary)
    expect(restored).toEqual({ width: 1200, height: 800, maximized: true })
  })

  it('does not keep a window of which only a sliver is visible', () => {
    const restored = restoreBounds(saved({ x: 1900, y: 100, width: 1200, height: 800 }), [primary], primary)
    expect(restored.x).toBeUndefined()
  })

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1600, y: -200, width: 1600, height: 900 }
    expect(restoreBounds(saved({ x: -1500, y: -150, width: 800, height: 600 }), [primary, left], primary)).toMatchObject({
      x: -1500,
      y: -150,
    })
  })

  it('picks the display the window overlaps most', () => {
    const restored = restoreBounds(saved({ x: 1800, y: 100, width: 1000, height: 800 }), [primary, right], primary)
    expect(restored).toMatchObject({ x: 1920, y: 100, width: 1000, height: 800 })
  })

  it('never goes below the minimum size when the display allows it', () => {
    expect(restoreBounds(saved({ x: 0, y: 0, width: 200, height: 100 }), [primary], primary)).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    })
  })

  it('keeps the maximized flag', () => {
    expect(restoreBounds(saved({ x: 0, y: 0, width: 1000, height: 700 }, true), [primary], primary).maximized).toBe(true)
  })

  it('always lands inside some work area, or centred on the primary display (property)', () => {
    const areas = [primary, right]
    const rect = fc.record({
      x: fc.integer({ min: -20_000, max: 20_000 }),
      y: fc.integer({ min: -20_000, max: 20_000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    })
    fc.assert(
      fc.property(rect, fc.boolean(), (bounds, maximized) => {
        const r = restoreBounds(saved(bounds, maximized), areas, primary)
        expect(r.maximized).toBe(maximized)
        if (r.x === undefined || r.y === undefined) {
          expect(r.width).toBeLessThanOrEqual(primary.width)
          expect(r.height).toBeLessThanOrEqual(primary.height)
          return
        }
        const { x, y } = r
        expect(areas.some((a) => x >= a.x && y >= a.y && x + r.width <= a.x + a.width && y + r.height <= a.y + a.height)).toBe(true)
      }),
    )
  })
})

describe('windowStateFile', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-window-state-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('saves and loads, creating the folder, readable by the owner only', () => {
    const path = join(dir, 'nested', 'window-state.json')
    const file = windowStateFile(path)
    expect(file.load()).toBeNull()
    file.save(saved({ x: 1, y: 2, width: 900, height: 700 }, true))
    expect(file.load()).toEqual(saved({ x: 1, y: 2, width: 900, height: 700 }, true))
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(saved({ x: 1, y: 2, width: 900, height: 700 }, true))
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  // Skipped on Windows: creating a symlink there needs an elevated or developer-mode account.
  it.skipIf(process.platform === 'win32')('never follows a link planted at a temporary name', () => {
    // The old writer used `${path}.${pid}.tmp`: another local user could point it at any file.
    const path = join(dir, 'window-state.json')
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'untouched')
    symlinkSync(victim, `${path}.${process.pid}.tmp`)
    windowStateFile(path).save(saved({ x: 1, y: 2, width: 900, height: 700 }, false))
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(windowStateFile(path).load()).toEqual(saved({ x: 1, y: 2, width: 900, height: 700 }, false))
  })

  it('ignores a corrupt file', () => {
    const path = join(dir, 'window-state.json')
    writeFileSync(path, '{"bounds": ')
    expect(windowStateFile(path).load()).toBeNull()
  })

  it('reports a failed write instead of throwing', () => {
    const blocker = join(dir, 'file')
    writeFileSync(blocker, '')
    const errors: unknown[] = []
    windowStateFile(join(blocker, 'window-state.json'), (error) => errors.push(error)).save(saved({ x: 0, y: 0, width: 900, height: 700 }))
    expect(errors).toHaveLength(1)
  })
})

class FakeWindow extends EventEmitter implements TrackedWindow {
  bounds: Rect = { x: 10, y: 20, width: 900, height: 700 }
  maximized = false
  minimized = false
  fullScreen = false
  destroyed = false
  getNormalBounds() {
    return { ...this.bounds }
  }
  isMaximized() {
    return this.maximized
  }
  isMinimized() {
    return this.minimized
  }
  isFullScreen() {
    return this.fullScreen
  }
  isDestroyed() {
    return this.destroyed
  }
}

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves once after moving and resizing settle', () => {
    const window = new FakeWindow()
    const save = vi.fn()
    trackWindowState(window, save, 500)
    window.emit('move')
    window.bounds = { x: 30, y: 40, width: 1000, height: 760 }
    window.emit('resize')
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(500)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith(saved({ x: 30, y: 40, width: 1000, height: 760 }))
  })

  it('saves at once on maximize and on close, with the normal bounds', () => {
    const window = new FakeWindow()
    const save = vi.fn()
    trackWindowState(window, save)
    window.maximized = true
    window.emit('maximize')
    expect(save).toHaveBeenLastCalledWith(saved({ x: 10, y: 20, width: 900, height: 700 }, true))
    window.emit('close')
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('does not save a minimized or full-screen window, nor a destroyed one', () => {
    const window = new FakeWindow()
    const save = vi.fn()
    trackWindowState(window, save)
    window.minimized = true
    window.emit('close')
    window.minimized = false
    window.fullScreen = true
    window.emit('close')
    window.fullScreen = false
    window.destroyed = true
    window.emit('close')
    expect(save).not.toHaveBeenCalled()
  })
})
