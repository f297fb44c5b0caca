import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { IPC_PREFIX, IPC_PUSH_CHANNEL } from '../shared/bridge.ts'
import { fail, ok } from '../shared/result.ts'
import { MAX_CONTENT_BYTES } from '../shared/shell-api.ts'
import { SHELL_FUNCTIONS, SHELL_FUNCTION_NAMES, type ShellFunctionName } from '../shared/shell-channels.ts'
import {
  SHELL_CASES,
  VALID_SHELL_REQUESTS,
  channelOf,
  fieldsOf,
  textOfLength,
  textPlaces,
  withValueAt,
} from '../../test/helpers/shell-requests.ts'
import {
  pushToWindow,
  registerIpcHandlers,
  toTransportResult,
  trustedSenderCheck,
  type CallableService,
  type IpcOptions,
  type ShellHandlers,
} from './ipc.ts'
import { appUrlMatcher } from './navigation.ts'
import { shellHandlers } from './shell-handlers.ts'

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

const outputs = () => ({
  saveFile: vi.fn(async (_input: unknown) => ok({ path: '/home/ana/Documents/all.ics' })),
  printHtml: vi.fn(async (_input: unknown) => ok(null)),
  saveHtmlAsPdf: vi.fn(async (_input: unknown) => ok(null)),
})

const UPDATE_STATUS = {
  currentVersion: '0.1.0',
  unsupported: null,
  preferences: { checkAutomatically: false },
  lastCheckedAt: null,
  state: { phase: 'idle' },
} as const

const TEAM_STATUS = {
  current: { kind: 'file', location: '/home/ana/.config/Measure Tracker/measure-tracker.db', chosenBy: 'default' },
  saved: null,
  keychain: true,
  notice: null,
  restarting: false,
} as const

/** The app's shell handlers (shell-handlers.ts) over fakes of the system browser, the outputs, the calendar dialog and the updater. */
function fakeShell(openExternal: (url: string) => Promise<unknown> = vi.fn(async () => {}), output = outputs()) {
  return shellHandlers({
    openExternal,
    output,
    chooseCalendarFile: vi.fn(async () => ok(null)),
    openDatasetFile: vi.fn(async () => ok(null)),
    updater: {
      status: vi.fn(() => UPDATE_STATUS),
      configure: vi.fn(() => ok(UPDATE_STATUS)),
      check: vi.fn(async () => ok(UPDATE_STATUS)),
      download: vi.fn(async () => ok(UPDATE_STATUS)),
      install: vi.fn(() => ok(null)),
    },
    teamDatabase: {
      status: vi.fn(async () => TEAM_STATUS),
      connect: vi.fn(async () => ok(TEAM_STATUS)),
      disconnect: vi.fn(async () => ok(TEAM_STATUS)),
    },
  })
}

function setup(service: CallableService = { call: vi.fn(async () => ok({ answer: 42 })) }, extra: Partial<IpcOptions> = {}) {
  const main = frame(`${INDEX_URL}#/board`)
  const contents = fakeContents(main)
  const { ipcMain, handlers } = fakeIpcMain()
  const openExternal = vi.fn(async (_url: string) => {})
  const log = vi.fn()
  const unregister = registerIpcHandlers({
    ipcMain,
    service,
    isTrustedSender: trustedSenderCheck(() => contents, isAppUrl),
    shell: fakeShell(openExternal),
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
  it('registers one channel per API method plus one per shell function, and nothing else', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual(
      [...EXPOSED_METHODS.map((m) => IPC_PREFIX + m), ...SHELL_FUNCTION_NAMES.map(channelOf)].sort(),
    )
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
    const { contents, main, invoke } = setup({ call: async () => fail('NOT_FOUND', 'No measure "x"') })
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
    registerIpcHandlers({ ipcMain, service, isTrustedSender: trustedSenderCheck(() => null, isAppUrl), shell: fakeShell() })
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
    registerIpcHandlers({ ipcMain, service, isTrustedSender: trustedSenderCheck(() => contents, isAppUrl), shell: fakeShell() })
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
    expect(await invoke(channelOf('openExternal'), event(contents, main), 'HTTPS://Example.com/a')).toEqual({ ok: true, value: null })
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a')
  })

  it('refuses anything but a web link', async () => {
    const { contents, main, openExternal, invoke } = setup()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https:evil.example', 42, undefined]) {
      expect(await invoke(channelOf('openExternal'), event(contents, main), url)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses a foreign sender before looking at the URL', async () => {
    const { contents, openExternal, invoke } = setup()
    expect(await invoke(channelOf('openExternal'), event(contents, frame('https://evil.example/')), 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await invoke(channelOf('openExternal'), event(contents, null), 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('reports a failure of the system browser as a Result', async () => {
    const { contents, main, openExternal, invoke } = setup()
    openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(await invoke(channelOf('openExternal'), event(contents, main), 'https://example.com/')).toMatchObject({
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
  const CHANNELS = [
    [channelOf('saveFile'), 'saveFile'],
    [channelOf('printHtml'), 'printHtml'],
    [channelOf('saveHtmlAsPdf'), 'saveHtmlAsPdf'],
  ] as const
  const withOutputs = (output = outputs()) => ({ output, ...setup(undefined, { shell: fakeShell(undefined, output) }) })

  it.each(CHANNELS)('%s passes the first argument, checked, to %s and answers its Result', async (channel, name) => {
    const { output, contents, main, invoke } = withOutputs()
    const input = VALID_SHELL_REQUESTS[name]
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
    const s = withOutputs()
    for (const [channel, name] of CHANNELS) {
      expect(await s.invoke(channel, make(s), VALID_SHELL_REQUESTS[name])).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(s.output[name]).not.toHaveBeenCalled()
    }
    expect(s.log).toHaveBeenCalled()
  })

  it('turn a throwing handler into an INTERNAL Result', async () => {
    const output = outputs()
    output.printHtml.mockRejectedValueOnce(new Error('GPU process crashed'))
    const { contents, main, invoke } = withOutputs(output)
    expect(await invoke(channelOf('printHtml'), event(contents, main), VALID_SHELL_REQUESTS.printHtml)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'GPU process crashed' },
    })
  })

  it('refuse a bad request before the handler, naming the field, with the rule people read', async () => {
    const { output, contents, main, invoke } = withOutputs()
    const { saveFile, saveHtmlAsPdf, printHtml } = VALID_SHELL_REQUESTS
    const plainName = 'The file name must be a plain name, without a folder or special characters.'
    const refusals: [string, unknown, string, string][] = [
      [channelOf('saveFile'), { ...saveFile, filename: '../../.bashrc.md' }, 'filename', plainName],
      [channelOf('saveFile'), { ...saveFile, filename: 'report\u202efdp.exe.ics' }, 'filename', plainName],
      [channelOf('saveFile'), { ...saveFile, filename: 'CON.csv' }, 'filename', 'The file name is reserved by the system.'],
      [
        channelOf('saveFile'),
        { ...saveFile, filename: 'run.exe' },
        'filename',
        'The file name must end in .ics, .csv, .json, .md, .html, .pdf.',
      ],
      // 70 M characters of three bytes each: 210 MB.
      [channelOf('saveFile'), { ...saveFile, content: '措'.repeat(70 * 1024 * 1024) }, 'content', 'The content is larger than 200 MB.'],
      [channelOf('saveFile'), { ...saveFile, path: '/etc/passwd' }, '', 'Unexpected field "path".'],
      [channelOf('saveHtmlAsPdf'), { ...saveHtmlAsPdf, filename: 'r.html' }, 'filename', 'The file name must end in .pdf.'],
      [channelOf('printHtml'), { ...printHtml, paper: 'A5' }, 'paper', 'The paper must be "A4" or "Letter".'],
    ]
    for (const [channel, input, field, message] of refusals) {
      expect(await invoke(channel, event(contents, main), input), message).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: field ? `${field}: ${message}` : message,
          details: { issues: [{ path: field ? [field] : [], message }] },
        },
      })
    }
    expect(output.saveFile).not.toHaveBeenCalled()
    expect(output.printHtml).not.toHaveBeenCalled()
    expect(output.saveHtmlAsPdf).not.toHaveBeenCalled()
  })

  it('accept content of exactly 200 MB of UTF-8', async () => {
    const { output, contents, main, invoke } = withOutputs()
    const content = textOfLength(MAX_CONTENT_BYTES)
    expect(await invoke(channelOf('saveFile'), event(contents, main), { ...VALID_SHELL_REQUESTS.saveFile, content })).toMatchObject({
      ok: true,
    })
    expect(output.saveFile).toHaveBeenCalledTimes(1)
  })
})

describe('every shell function of the table (src/shared/shell-api.ts)', () => {
  /** A setup whose every shell handler is a spy, so a refusal can be shown to reach none. */
  function spied() {
    const real = fakeShell()
    const spies = Object.fromEntries(SHELL_FUNCTION_NAMES.map((name) => [name, vi.fn(real[name] as (input: unknown) => unknown)]))
    const s = setup(undefined, { shell: spies as unknown as ShellHandlers })
    const trusted = event(s.contents, s.main)
    const call = (name: ShellFunctionName, input: unknown) => s.invoke(SHELL_FUNCTIONS[name].channel, trusted, input)
    const called = () => SHELL_FUNCTION_NAMES.filter((name) => spies[name]!.mock.calls.length > 0)
    return { ...s, spies, call, called }
  }
  const refusedWith = (path: string[]) => ({
    ok: false,
    error: { code: 'VALIDATION', details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) } },
  })

  it('updates.configure refuses what is not the preferences before the updater sees it', async () => {
    const s = spied()
    expect(await s.call('updates.configure', { checkAutomatically: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['checkAutomatically'] }] } },
    })
    expect(await s.call('updates.configure', { checkAutomatically: true, url: 'https://evil.example/' })).toMatchObject({ ok: false })
    expect(s.called()).toEqual([])
  })

  it('teamDatabase.connect refuses what is not a PostgreSQL connection string, or more than its fields, before main sees it', async () => {
    const s = spied()
    const good = { url: 'postgres://ana@db.example.org/measures', password: '', remember: false }
    expect(await s.call('teamDatabase.connect', { ...good, url: 'file:///etc/passwd' })).toMatchObject(refusedWith(['url']))
    expect(await s.call('teamDatabase.connect', { ...good, url: 'postgres://db.example.org/measures' })).toMatchObject(refusedWith(['url']))
    expect(await s.call('teamDatabase.connect', { ...good, remember: 'yes' })).toMatchObject(refusedWith(['remember']))
    expect(await s.call('teamDatabase.connect', { ...good, host: 'evil.example' })).toMatchObject({ ok: false })
    expect(s.called()).toEqual([])
  })

  it.each(SHELL_CASES)('%s: answers a request from the app page through its handler', async (name, request) => {
    const s = spied()
    expect(await s.call(name, request)).toMatchObject({ ok: true })
    expect(s.called()).toEqual([name])
  })

  it.each(SHELL_CASES)('%s: refuses an untrusted sender before anything else', async (name, request) => {
    const s = spied()
    for (const sender of [null, frame('https://evil.example/'), frame(INDEX_URL, { routingId: 2, parent: s.main })]) {
      expect(await s.invoke(SHELL_FUNCTIONS[name].channel, event(s.contents, sender), request)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(await s.invoke(SHELL_FUNCTIONS[name].channel, event(fakeContents(frame(INDEX_URL)), frame(INDEX_URL)), request)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(s.called()).toEqual([])
    expect(s.log).toHaveBeenCalled()
  })

  it.each(SHELL_CASES)('%s: refuses a field the page added', async (name, request) => {
    const s = spied()
    const extended = fieldsOf(name).length > 0 ? { ...(request as object), path: '/etc/passwd' } : { path: '/etc/passwd' }
    expect(await s.call(name, extended)).toMatchObject(refusedWith([]))
    expect(s.called()).toEqual([])
  })

  it.each(SHELL_CASES)('%s: refuses a request of the wrong type, and each field of the wrong type', async (name, request) => {
    const s = spied()
    for (const wrong of [42, [request], fieldsOf(name).length > 0 ? 'text' : { length: 1 }]) {
      expect(await s.call(name, wrong)).toMatchObject(refusedWith([]))
    }
    for (const field of fieldsOf(name)) {
      for (const wrong of [{ toString: () => 'x' }, [1], null])
        expect(await s.call(name, withValueAt(request, [field], wrong))).toMatchObject(refusedWith([field]))
      const missing = { ...(request as Record<string, unknown>) }
      delete missing[field]
      expect(await s.call(name, missing)).toMatchObject(refusedWith([field]))
    }
    expect(s.called()).toEqual([])
  })

  it.each(SHELL_CASES)('%s: refuses a text over its limit, whichever text it is', async (name, request) => {
    const s = spied()
    const places = textPlaces(name)
    // A function that takes no text gets none: an oversize text is then simply not its input.
    if (places.length === 0) expect(await s.call(name, textOfLength(MAX_CONTENT_BYTES + 1))).toMatchObject(refusedWith([]))
    for (const { path, maxLength } of places) {
      expect(maxLength, `${name} ${path.join('.')} has no limit`).toEqual(expect.any(Number))
      expect(await s.call(name, withValueAt(request, path, textOfLength(maxLength! + 1)))).toMatchObject(refusedWith(path))
    }
    expect(s.called()).toEqual([])
  })
})

describe('onMutation', () => {
  it('is told after a mutation succeeded, not after a query or a failure', async () => {
    const onMutation = vi.fn()
    const call = vi.fn(async (method: string) => (method === 'measures.delete' ? fail('NOT_FOUND', 'no') : ok({})))
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
