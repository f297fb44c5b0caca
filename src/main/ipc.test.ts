import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { IPC_OPEN_EXTERNAL, IPC_PREFIX, IPC_PRINT_HTML, IPC_PUSH_CHANNEL, IPC_SAVE_FILE, IPC_SAVE_PDF } from '../shared/bridge.ts'
import { fail, ok } from '../shared/result.ts'
import { pushToWindow, registerIpcHandlers, toTransportResult, trustedSenderCheck, type CallableService, type IpcOptions } from './ipc.ts'
import { appUrlMatcher } from './navigation.ts'

const INDEX_URL = 'measure-tracker://app/index.html'
/** What the page was before it had a scheme of its own: the built file, over file://. */
const FILE_INDEX_URL = process.platform === 'win32' ? 'file:///C:/app/out/renderer/index.html' : 'file:///app/out/renderer/index.html'
const isAppUrl = appUrlMatcher({})

interface FakeFrame {
  url: string
  parent: FakeFrame | null
  processId: number
  routingId: number
}

function frame(url: string, ids: { processId?: number; routingId?: number; parent?: FakeFrame | null } = {}): FakeFrame {
  return { url, parent: ids.parent ?? null, processId: ids.processId ?? 7, routingId: ids.routingId ?? 1 }
}

function fakeContents(mainFrame: FakeFrame, destroyed = false) {
  return { mainFrame, isDestroyed: () => destroyed, send: vi.fn() } as unknown as WebContents & { send: ReturnType<typeof vi.fn> }
}

function event(sender: WebContents, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return {
    sender,
    senderFrame: senderFrame as unknown as WebFrameMain,
    processId: 7,
    frameId: 1,
    type: 'frame',
  } as unknown as IpcMainInvokeEvent
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>()
  const ipcMain = {
    handle: (channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>
  return { ipcMain, handlers }
}

function setup(service: CallableService = { call: vi.fn(() => ok({ answer: 42 })) }, extra: Partial<IpcOptions> = {}) {
  const main = frame(`${INDEX_URL}#/board`)
  const contents = fakeContents(main)
  const { ipcMain, handlers } = fakeIpcMain()
  const openExternal = vi.fn(async () => {})
  const log = vi.fn()
  const unregister = registerIpcHandlers({
    ipcMain,
    service,
    isTrustedSender: trustedSenderCheck(() => contents, isAppUrl),
    openExternal,
    log,
    ...extra,
  })
  const invoke = (channel: string, e: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return Promise.resolve(handler(e, ...args))
  }
  return { main, contents, handlers, service, openExternal, log, unregister, invoke }
}

describe('registerIpcHandlers', () => {
  it('registers one channel per API method plus openExternal, and nothing else', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual([...EXPOSED_METHODS.map((m) => IPC_PREFIX + m), IPC_OPEN_EXTERNAL].sort())
  })

  it('dispatches a call from the app page to the service and returns its Result', async () => {
    const { contents, main, service, invoke } = setup()
    const result = await invoke(`${IPC_PREFIX}measures.list`, event(contents, main), { sort: 'next' })
    expect(result).toEqual({ ok: true, value: { answer: 42 } })
    expect(service.call).toHaveBeenCalledWith('measures.list', { sort: 'next' })
  })

  it('passes only the first argument as input', async () => {
    const { contents, main, service, invoke } = setup()
    await invoke(`${IPC_PREFIX}measures.tags`, event(contents, main), {}, 'extra', { more: true })
    expect(service.call).toHaveBeenCalledWith('measures.tags', {})
  })

  it('passes failed Results through unchanged', async () => {
    const { contents, main, invoke } = setup({ call: () => fail('NOT_FOUND', 'No measure "x"') })
    expect(await invoke(`${IPC_PREFIX}measures.get`, event(contents, main), { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No measure "x"' },
    })
  })

  it('turns a throwing service into an INTERNAL Result instead of throwing across IPC', async () => {
    const { contents, main, invoke } = setup({
      call: () => {
        throw new TypeError('boom')
      },
    })
    const result = await invoke(`${IPC_PREFIX}measures.tags`, event(contents, main), {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })
  })

  const foreign: [string, (s: ReturnType<typeof setup>) => IpcMainInvokeEvent][] = [
    ['a null senderFrame (navigated or destroyed)', (s) => event(s.contents, null)],
    ['a subframe of the app page', (s) => event(s.contents, frame(INDEX_URL, { routingId: 2, parent: s.main }))],
    ['a frame with another routing id', (s) => event(s.contents, frame(INDEX_URL, { routingId: 9 }))],
    ['a frame in another process', (s) => event(s.contents, frame(INDEX_URL, { processId: 99 }))],
    ['the main frame showing a foreign page', (s) => event(s.contents, frame('https://evil.example/'))],
    ['the main frame showing another local file', (s) => event(s.contents, frame('file:///tmp/evil.html'))],
    ["the main frame showing the app's own index.html over file://", (s) => event(s.contents, frame(FILE_INDEX_URL))],
    ['the main frame showing another file on the app scheme', (s) => event(s.contents, frame('measure-tracker://app/assets/evil.html'))],
    ['the main frame on the app scheme under another host', (s) => event(s.contents, frame('measure-tracker://evil/index.html'))],
    ['another webContents with the app URL', (_s) => event(fakeContents(frame(INDEX_URL)), frame(INDEX_URL))],
    [
      'a frame whose properties throw',
      (s) =>
        event(
          s.contents,
          Object.defineProperty({}, 'parent', {
            get: () => {
              throw new Error('destroyed')
            },
          }) as FakeFrame,
        ),
    ],
  ]

  it.each(foreign)('answers FORBIDDEN to %s without calling the service', async (_name, make) => {
    const s = setup()
    for (const method of EXPOSED_METHODS) {
      const result = await s.invoke(IPC_PREFIX + method, make(s), {})
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(s.service.call).not.toHaveBeenCalled()
    expect(s.log).toHaveBeenCalled()
  })

  it('answers FORBIDDEN when the window is gone', async () => {
    const service = { call: vi.fn() }
    const { ipcMain, handlers } = fakeIpcMain()
    registerIpcHandlers({ ipcMain, service, isTrustedSender: trustedSenderCheck(() => null, isAppUrl), openExternal: vi.fn() })
    const contents = fakeContents(frame(INDEX_URL))
    const result = await handlers.get(`${IPC_PREFIX}measures.tags`)!(event(contents, frame(INDEX_URL)), {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(service.call).not.toHaveBeenCalled()
  })

  it('answers FORBIDDEN when the window is destroyed', async () => {
    const service = { call: vi.fn() }
    const { ipcMain, handlers } = fakeIpcMain()
    const main = frame(INDEX_URL)
    const contents = fakeContents(main, true)
    registerIpcHandlers({ ipcMain, service, isTrustedSender: trustedSenderCheck(() => contents, isAppUrl), openExternal: vi.fn() })
    expect(await handlers.get(`${IPC_PREFIX}measures.tags`)!(event(contents, main), {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(service.call).not.toHaveBeenCalled()
  })

  it('removes every channel again', () => {
    const { handlers, unregister } = setup()
    unregister()
    expect(handlers.size).toBe(0)
  })
})

describe('openExternal over IPC', () => {
  it('opens a web link from the app page, normalized', async () => {
    const { contents, main, openExternal, invoke } = setup()
    expect(await invoke(IPC_OPEN_EXTERNAL, event(contents, main), 'HTTPS://Example.com/a')).toEqual({ ok: true, value: null })
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a')
  })

  it('refuses anything but a web link', async () => {
    const { contents, main, openExternal, invoke } = setup()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https:evil.example', 42, undefined]) {
      expect(await invoke(IPC_OPEN_EXTERNAL, event(contents, main), url)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses a foreign sender before looking at the URL', async () => {
    const { contents, openExternal, invoke } = setup()
    expect(await invoke(IPC_OPEN_EXTERNAL, event(contents, frame('https://evil.example/')), 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await invoke(IPC_OPEN_EXTERNAL, event(contents, null), 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('reports a failure of the system browser as a Result', async () => {
    const { contents, main, openExternal, invoke } = setup()
    openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(await invoke(IPC_OPEN_EXTERNAL, event(contents, main), 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})

describe('toTransportResult', () => {
  it('sends what JSON would send', () => {
    const row = Object.assign(Object.create(null) as object, { id: 'a', missing: undefined, at: new Date('2026-11-10T05:01:00Z') })
    expect(toTransportResult(ok([row]))).toEqual({ ok: true, value: [{ id: 'a', at: '2026-11-10T05:01:00.000Z' }] })
  })
  it('turns an unsendable value into INTERNAL', () => {
    expect(toTransportResult(ok({ big: 1n }))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('pushToWindow', () => {
  it('sends push events on the push channel', () => {
    const contents = fakeContents(frame(INDEX_URL))
    pushToWindow(() => contents, { type: 'data-changed' })
    expect(contents.send).toHaveBeenCalledWith(IPC_PUSH_CHANNEL, { type: 'data-changed' })
  })
  it('does nothing when the window is gone or destroyed', () => {
    const destroyed = fakeContents(frame(INDEX_URL), true)
    pushToWindow(() => null, { type: 'data-changed' })
    pushToWindow(() => destroyed, { type: 'data-changed' })
    expect(destroyed.send).not.toHaveBeenCalled()
  })
})

describe('the output channels (save a file, print, save as PDF)', () => {
  const outputs = () => ({
    saveFile: vi.fn(async (_input: unknown) => ok({ path: '/home/ana/Documents/all.ics' })),
    printHtml: vi.fn(async (_input: unknown) => ok(null)),
    saveHtmlAsPdf: vi.fn(async (_input: unknown) => ok(null)),
  })
  const CHANNELS = [
    [IPC_SAVE_FILE, 'saveFile'],
    [IPC_PRINT_HTML, 'printHtml'],
    [IPC_SAVE_PDF, 'saveHtmlAsPdf'],
  ] as const

  it('are registered when given, beside the API channels and openExternal, and removed again', () => {
    const { handlers, unregister } = setup(undefined, { output: outputs() })
    expect([...handlers.keys()].sort()).toEqual(
      [...EXPOSED_METHODS.map((m) => IPC_PREFIX + m), IPC_OPEN_EXTERNAL, IPC_SAVE_FILE, IPC_PRINT_HTML, IPC_SAVE_PDF].sort(),
    )
    unregister()
    expect(handlers.size).toBe(0)
  })

  it.each(CHANNELS)('%s passes the first argument to %s and answers its Result', async (channel, name) => {
    const output = outputs()
    const { contents, main, invoke } = setup(undefined, { output })
    const input = { filename: 'all.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' }
    const result = await invoke(channel, event(contents, main), input, 'extra')
    expect(result).toEqual(await output[name].mock.results[0]!.value)
    expect(output[name]).toHaveBeenCalledWith(input)
  })

  const foreign: [string, (s: ReturnType<typeof setup>) => IpcMainInvokeEvent][] = [
    ['a null senderFrame', (s) => event(s.contents, null)],
    ['a subframe', (s) => event(s.contents, frame(INDEX_URL, { routingId: 2, parent: s.main }))],
    ['a foreign page', (s) => event(s.contents, frame('https://evil.example/'))],
    ['another local file', (s) => event(s.contents, frame('file:///tmp/measure-tracker-print-x/report.html'))],
    ['another webContents (a print window) with the app URL', () => event(fakeContents(frame(INDEX_URL)), frame(INDEX_URL))],
  ]
  it.each(foreign)('refuse %s without calling the handler', async (_name, make) => {
    const output = outputs()
    const s = setup(undefined, { output })
    for (const [channel, name] of CHANNELS) {
      expect(await s.invoke(channel, make(s), { filename: 'a.ics', mimeType: 'text/calendar', content: '' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(output[name]).not.toHaveBeenCalled()
    }
    expect(s.log).toHaveBeenCalled()
  })

  it('turn a throwing handler into an INTERNAL Result', async () => {
    const output = outputs()
    output.printHtml.mockRejectedValueOnce(new Error('GPU process crashed'))
    const { contents, main, invoke } = setup(undefined, { output })
    expect(await invoke(IPC_PRINT_HTML, event(contents, main), {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'GPU process crashed' },
    })
  })
})

describe('onMutation', () => {
  it('is told after a mutation succeeded, not after a query or a failure', async () => {
    const onMutation = vi.fn()
    const call = vi.fn((method: string) => (method === 'measures.delete' ? fail('NOT_FOUND', 'no') : ok({})))
    const { contents, main, invoke } = setup({ call }, { onMutation })
    await invoke(`${IPC_PREFIX}measures.list`, event(contents, main), {})
    await invoke(`${IPC_PREFIX}reminders.upcoming`, event(contents, main), {})
    expect(onMutation).not.toHaveBeenCalled()
    await invoke(`${IPC_PREFIX}events.record`, event(contents, main), {})
    await invoke(`${IPC_PREFIX}reminders.setLeadDays`, event(contents, main), {})
    await invoke(`${IPC_PREFIX}measures.delete`, event(contents, main), {})
    expect(onMutation.mock.calls).toEqual([['events.record'], ['reminders.setLeadDays']])
    await invoke(`${IPC_PREFIX}events.record`, event(contents, frame('https://evil.example/')), {})
    expect(onMutation).toHaveBeenCalledTimes(2)
  })

  it('cannot break the answer', async () => {
    const onMutation = vi.fn(() => {
      throw new Error('scheduler broke')
    })
    const { contents, main, invoke, log } = setup(undefined, { onMutation })
    expect(await invoke(`${IPC_PREFIX}notes.add`, event(contents, main), {})).toEqual({ ok: true, value: { answer: 42 } })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('scheduler broke'))
  })
})
