import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { IpcRendererEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../shared/api.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { IPC_PREFIX, IPC_PUSH_CHANNEL, type PushEvent } from '../shared/bridge.ts'
import { SHELL_FUNCTIONS, SHELL_FUNCTION_NAMES } from '../shared/shell-channels.ts'
import { SHELL_CASES, channelOf } from '../../test/helpers/shell-requests.ts'
import { createBridge, type BridgeIpc } from './bridge.ts'

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }))
  /** What main's webContents.send does: the listener gets an event object, then the payload. */
  push(payload: unknown) {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent
    this.emit(IPC_PUSH_CHANNEL, event, payload)
  }
}

const make = () => {
  const ipc = new FakeIpcRenderer()
  return { ipc, bridge: createBridge(ipc as unknown as BridgeIpc, METHOD_NAMES) }
}

describe('createBridge', () => {
  it('exposes exactly one named function per API method, plus onPush, openExternal and the output functions', () => {
    const { bridge } = make()
    expect(Object.keys(bridge).sort()).toEqual([
      'api',
      'chooseCalendarFile',
      'onPush',
      'openDatasetFile',
      'openExternal',
      'printHtml',
      'saveFile',
      'saveHtmlAsPdf',
      'teamDatabase',
      'updates',
    ])
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) expect(typeof (bridge.api as Record<string, unknown>)[name]).toBe('function')
  })

  it('never exposes ipcRenderer, process, require or a generic channel', () => {
    const { bridge, ipc } = make()
    const seen = new Set<unknown>()
    const walk = (value: unknown) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return
      seen.add(value)
      expect(value).not.toBe(ipc)
      expect(value).not.toBe(process)
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key])
    }
    walk(bridge)
    for (const key of ['ipcRenderer', 'process', 'require', 'invoke', 'send', 'on']) {
      expect(bridge).not.toHaveProperty(key)
      expect(bridge.api).not.toHaveProperty(key)
    }
  })

  it('calls the method channel with the input only', async () => {
    const { bridge, ipc } = make()
    const result = await bridge.api['measures.get']({ id: 'abc' })
    expect(ipc.invoke).toHaveBeenCalledWith(`${IPC_PREFIX}measures.get`, { id: 'abc' })
    expect(result).toEqual({ ok: true, value: { channel: 'mt:measures.get', args: [{ id: 'abc' }] } })
    await (bridge.api['meta.info'] as (...args: unknown[]) => Promise<unknown>)({}, 'extra', () => 1)
    expect(ipc.invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}meta.info`, {})
  })

  it('sends plain JSON data (what the browser host would send)', async () => {
    const { bridge, ipc } = make()
    const reactiveLike = new Proxy({ id: 'abc', at: new Date('2026-11-10T05:01:00Z'), skip: undefined }, {})
    await bridge.api['measures.get'](reactiveLike as never)
    const sent = ipc.invoke.mock.calls.at(-1)![1]
    expect(sent).toEqual({ id: 'abc', at: '2026-11-10T05:01:00.000Z' })
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype)
  })

  it('answers with a Result instead of throwing', async () => {
    const { bridge, ipc } = make()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(await bridge.api['measures.get'](cyclic as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ipc.invoke).not.toHaveBeenCalled()
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'mt:meta.info'"))
    expect(await bridge.api['meta.info']({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    ipc.invoke.mockRejectedValueOnce(new Error('gone'))
    expect(await bridge.openExternal('https://example.com/')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('is frozen: a page cannot swap a function for its own', () => {
    const { bridge } = make()
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.isFrozen(bridge.api)).toBe(true)
  })

  it('passes push payloads to listeners without the IPC event, and unsubscribes', () => {
    const { bridge, ipc } = make()
    const received: unknown[][] = []
    const off = bridge.onPush((...args: unknown[]) => received.push(args))
    ipc.push({ type: 'data-changed' } satisfies PushEvent)
    ipc.push({ type: 'menu', command: 'new-measure' } satisfies PushEvent)
    expect(received).toEqual([[{ type: 'data-changed' }], [{ type: 'menu', command: 'new-measure' }]])
    off()
    off()
    ipc.push({ type: 'data-changed' })
    expect(received).toHaveLength(2)
    expect(ipc.listenerCount(IPC_PUSH_CHANNEL)).toBe(0)
  })

  it('keeps separate subscriptions separate', () => {
    const { bridge, ipc } = make()
    const a = vi.fn()
    const b = vi.fn()
    const offA = bridge.onPush(a)
    bridge.onPush(b)
    offA()
    ipc.push({ type: 'data-changed' })
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledWith({ type: 'data-changed' })
  })

  it('refuses a non-function listener', () => {
    const { bridge } = make()
    expect(() => bridge.onPush('x' as never)).toThrow(TypeError)
  })

  it('sends openExternal requests to main as a string (main validates)', async () => {
    const { bridge, ipc } = make()
    await bridge.openExternal('https://example.com/')
    expect(ipc.invoke).toHaveBeenCalledWith(channelOf('openExternal'), 'https://example.com/')
    await bridge.openExternal({ toString: () => 'javascript:alert(1)' } as never)
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('openExternal'), 'javascript:alert(1)')
  })
})

/** The bridge's shell functions by their table names: a group's members as "group.member". */
function shellNamesOf(bridge: object): string[] {
  return Object.entries(bridge)
    .filter(([key]) => key !== 'api' && key !== 'onPush')
    .flatMap(([key, value]) => (typeof value === 'function' ? [key] : Object.keys(value as object).map((member) => `${key}.${member}`)))
}

describe('the shell functions (src/shared/shell-channels.ts)', () => {
  it('are exactly the table’s names, groups frozen like the bridge', () => {
    const { bridge } = make()
    expect(shellNamesOf(bridge).sort()).toEqual([...SHELL_FUNCTION_NAMES].sort())
    expect(Object.isFrozen(bridge.updates)).toBe(true)
  })

  it.each(SHELL_CASES)('%s sends on its own channel only what its entry lets cross', async (name, request) => {
    const { bridge, ipc } = make()
    const { channel, argument } = SHELL_FUNCTIONS[name]
    const [group, member] = name.split('.') as [string, string | undefined]
    const target = (
      member === undefined
        ? bridge[group as keyof typeof bridge]
        : (bridge as unknown as Record<string, Record<string, unknown>>)[group]![member]
    ) as (...args: unknown[]) => Promise<unknown>
    const padded =
      argument.kind === 'fields'
        ? { ...(request as object), path: '/etc/passwd', extra: () => 1 }
        : argument.kind === 'text'
          ? request
          : { path: '/etc/passwd' }
    expect(await target(padded, 'second argument')).toEqual({ ok: true, value: { channel, args: [request] } })
    expect(ipc.invoke).toHaveBeenCalledTimes(1)
  })
})

describe('the preload script’s own code', () => {
  /** The modules a source file loads at run time (type-only imports are erased by the build). */
  function runtimeImports(file: string): string[] {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?'([^']+)'/gm)].map((match) => match[1]!)
  }

  it('needs nothing but electron: the shell table it builds from carries no zod', () => {
    const seen = new Set<string>()
    const packages = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const specifier of runtimeImports(file)) {
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
        else packages.add(specifier)
      }
    }
    visit(resolve(import.meta.dirname, 'index.ts'))
    expect([...packages]).toEqual(['electron'])
    expect([...seen].map((file) => file.slice(resolve(import.meta.dirname, '..').length + 1)).sort()).toContain('shared/shell-channels.ts')
  })
})

describe('saveFile, printHtml, saveHtmlAsPdf', () => {
  it('send the named fields to their own channels', async () => {
    const { bridge, ipc } = make()
    await bridge.saveFile({ filename: 'all.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' })
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('saveFile'), {
      filename: 'all.ics',
      mimeType: 'text/calendar',
      content: 'BEGIN:VCALENDAR',
    })
    await bridge.printHtml({ html: '<p>r</p>', paper: 'Letter', landscape: false })
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('printHtml'), { html: '<p>r</p>', paper: 'Letter', landscape: false })
    await bridge.saveHtmlAsPdf({ html: '<p>r</p>', paper: 'A4', landscape: true, filename: 'r.pdf' })
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('saveHtmlAsPdf'), {
      html: '<p>r</p>',
      paper: 'A4',
      landscape: true,
      filename: 'r.pdf',
    })
  })

  it('send plain values only: extra fields stay behind, objects become null, a reactive proxy is read through', async () => {
    const { bridge, ipc } = make()
    const reactiveLike = new Proxy({ filename: 'a.csv', mimeType: 'text/csv', content: 'x', path: '/etc/passwd', extra: () => 1 }, {})
    await bridge.saveFile(reactiveLike as never)
    const sent = ipc.invoke.mock.calls.at(-1)![1]
    expect(sent).toEqual({ filename: 'a.csv', mimeType: 'text/csv', content: 'x' })
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype)
    await bridge.printHtml({ html: { toString: () => '<script>' }, paper: 'A4' } as never)
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('printHtml'), { html: null, paper: 'A4' })
    await bridge.saveFile('all.ics' as never)
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('saveFile'), null)
  })

  it('answer with a Result when the channel fails or a field cannot be read', async () => {
    const { bridge, ipc } = make()
    const hostile = Object.defineProperty({}, 'html', {
      get() {
        throw new Error('revoked proxy')
      },
    })
    expect(await bridge.printHtml(hostile as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ipc.invoke).not.toHaveBeenCalled()
    ipc.invoke.mockRejectedValueOnce(new Error('gone'))
    expect(await bridge.saveHtmlAsPdf({ html: '', paper: 'A4', landscape: true, filename: 'r.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'gone' },
    })
  })
})

describe('chooseCalendarFile', () => {
  it('sends nothing to its channel, whatever it is called with: main asks for the path itself', async () => {
    const { bridge, ipc } = make()
    await (bridge.chooseCalendarFile as (...args: unknown[]) => Promise<unknown>)({ path: '/etc/passwd' })
    expect(ipc.invoke).toHaveBeenLastCalledWith(channelOf('chooseCalendarFile'), undefined)
    ipc.invoke.mockRejectedValueOnce(new Error('gone'))
    expect(await bridge.chooseCalendarFile()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'gone' } })
  })
})

describe('updates (Settings → Updates)', () => {
  it('sends the preferences alone on their channel, and nothing with status, check, download and install', async () => {
    const { bridge, ipc } = make()
    const reactiveLike = { checkAutomatically: true, feedUrl: 'https://evil.example/', then: 'x' }
    await bridge.updates.configure(reactiveLike)
    await bridge.updates.status()
    await bridge.updates.check()
    await bridge.updates.download()
    await bridge.updates.install()
    expect(ipc.invoke.mock.calls).toEqual([
      [channelOf('updates.configure'), { checkAutomatically: true }],
      [channelOf('updates.status'), undefined],
      [channelOf('updates.check'), undefined],
      [channelOf('updates.download'), undefined],
      [channelOf('updates.install'), undefined],
    ])
  })

  it('answers a Result when IPC throws', async () => {
    const { bridge, ipc } = make()
    ipc.invoke.mockRejectedValueOnce(new Error('gone'))
    expect(await bridge.updates.check()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'gone' } })
  })
})

describe('the preload script', () => {
  it('exposes only the methods the page uses: exchange.import, reminders.markShown and the rest are not there to call', async () => {
    // index.ts as Electron runs it, with a stand-in for the 'electron' module (never loaded in tests).
    const exposed: Record<string, unknown> = {}
    const ipcRenderer = new FakeIpcRenderer()
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer,
    }))
    try {
      await import('./index.ts')
    } finally {
      vi.doUnmock('electron')
    }
    const bridge = exposed.measureTracker as ReturnType<typeof createBridge>
    expect(Object.keys(exposed)).toEqual(['measureTracker'])
    expect(Object.keys(bridge.api).sort()).toEqual([...EXPOSED_METHODS].sort())
    for (const hidden of ['exchange.import', 'exchange.export', 'reminders.markShown', 'reminders.due']) {
      expect(bridge.api, hidden).not.toHaveProperty(hidden)
    }
    expect(EXPOSED_METHODS.length).toBeLessThan(METHOD_NAMES.length)
    await bridge.api['measures.list']({})
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(`${IPC_PREFIX}measures.list`, {})
  })
})
