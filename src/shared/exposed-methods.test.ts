// The list of methods the page may call is exactly what the renderer calls — no more (an unused
// method is one more thing a hostile script in the page could use), no less (the UI would break
// in Electron and in the browser alike) — and Electron main registers IPC channels for it only.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { IpcMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { registerIpcHandlers } from '../main/ipc.ts'
import { IPC_PREFIX } from './bridge.ts'
import { METHOD_NAMES } from './api.ts'
import { EXPOSED_METHODS, isExposedMethod } from './exposed-methods.ts'

const RENDERER = resolve(import.meta.dirname, '..', 'renderer', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

/** Every `call('method'` in the renderer's own code (the client's one generic `call(method` aside). */
function methodsTheRendererCalls(): Set<string> {
  const called = new Set<string>()
  for (const file of sources(RENDERER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bcall\(\s*['"`]([a-zA-Z]+\.[a-zA-Z]+)['"`]/g)) called.add(match[1]!)
  }
  return called
}

describe('the methods exposed to the page', () => {
  it('are exactly the ones the renderer calls', () => {
    const called = methodsTheRendererCalls()
    expect(called.size).toBeGreaterThan(10)
    expect([...called].sort()).toEqual([...EXPOSED_METHODS].sort())
  })

  it('are API methods, each once', () => {
    for (const name of EXPOSED_METHODS) expect(METHOD_NAMES, name).toContain(name)
    expect(new Set(EXPOSED_METHODS).size).toBe(EXPOSED_METHODS.length)
    expect(isExposedMethod('measures.list')).toBe(true)
    expect(isExposedMethod('exchange.import')).toBe(false)
    expect(isExposedMethod('toString')).toBe(false)
  })

  it('are the only API channels Electron main registers: no exchange.import or reminders.markShown over IPC', () => {
    const channels = new Set<string>()
    const ipcMain = { handle: (channel: string) => channels.add(channel), removeHandler: vi.fn() } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>
    registerIpcHandlers({ ipcMain, service: { call: vi.fn() }, isTrustedSender: () => true, openExternal: vi.fn() })
    const apiChannels = [...channels].filter((channel) => channel.startsWith(IPC_PREFIX)).map((channel) => channel.slice(IPC_PREFIX.length))
    expect(apiChannels.sort()).toEqual([...EXPOSED_METHODS].sort())
    for (const hidden of ['exchange.import', 'exchange.export', 'reminders.markShown', 'reminders.due']) expect(channels).not.toContain(IPC_PREFIX + hidden)
  })
})
