import type { Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { appUrlMatcher, denyAllPermissions, guardWebContents } from './navigation.ts'

const INDEX_URL = 'measure-tracker://app/index.html'
/** The built page over file://, as the app loaded it before it had a scheme of its own. */
const FILE_INDEX_URL = process.platform === 'win32' ? 'file:///C:/app/out/renderer/index.html' : 'file:///app/out/renderer/index.html'

describe('appUrlMatcher (production, the app scheme)', () => {
  const isApp = appUrlMatcher({})
  it.each([INDEX_URL, `${INDEX_URL}#/measures/abc`, `${INDEX_URL}?lang=en#/`])('accepts %s', (url) => {
    expect(isApp(url)).toBe(true)
  })
  it.each([
    FILE_INDEX_URL,
    `${FILE_INDEX_URL}#/board`,
    'file:///etc/passwd',
    'measure-tracker://app/',
    'measure-tracker://app/other.html',
    'measure-tracker://app/assets/index.html',
    'measure-tracker://app/x/../index.html',
    'measure-tracker://app/%69ndex.html',
    'measure-tracker://app.evil.example/index.html',
    'measure-tracker://evil/index.html',
    'measure-tracker://app:8080/index.html',
    'measure-tracker://user@app/index.html',
    'measure-tracker:index.html',
    'app://measure-tracker/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,hi',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isApp(url)).toBe(false)
  })
})

describe('appUrlMatcher (development server)', () => {
  const isApp = appUrlMatcher({ devServerUrl: 'http://localhost:5173' })
  it.each(['http://localhost:5173/', 'http://localhost:5173/#/board', 'http://localhost:5173/src/main.ts'])('accepts %s', (url) => {
    expect(isApp(url)).toBe(true)
  })
  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost.attacker.example:5173/',
    INDEX_URL,
    'ws://localhost:5173/',
  ])('refuses %s', (url) => {
    expect(isApp(url)).toBe(false)
  })
  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => appUrlMatcher({ devServerUrl: 'file:///tmp/' })).toThrow()
  })
})

type Listener = (event: { url: string; isMainFrame?: boolean; preventDefault: () => void }) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener)
      return contents
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  }
  const fire = (name: string, url: string, isMainFrame = true) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() }
    const listener = listeners.get(name)
    if (!listener) throw new Error(`no ${name} listener`)
    listener(event)
    return event.preventDefault.mock.calls.length > 0
  }
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }), listeners }
}

describe('guardWebContents', () => {
  const setup = () => {
    const fake = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(fake.contents, { isAppUrl: appUrlMatcher({}), openExternal })
    return { ...fake, openExternal }
  }

  it('lets the app navigate within its own page', () => {
    const { fire, openExternal } = setup()
    expect(fire('will-navigate', `${INDEX_URL}#/board`)).toBe(false)
    expect(fire('will-redirect', INDEX_URL)).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses navigation off the app, opening web links in the browser instead', () => {
    const { fire, openExternal } = setup()
    expect(fire('will-navigate', 'https://www.federalregister.gov/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://www.federalregister.gov/')
  })

  it('refuses navigation to anything else without opening it', () => {
    const { fire, openExternal } = setup()
    for (const url of [
      'file:///etc/passwd',
      FILE_INDEX_URL,
      'measure-tracker://app/assets/x.html',
      'javascript:alert(1)',
      'data:text/html,x',
      'smb://host/share',
      'https://user:pw@evil.example/',
    ]) {
      expect(fire('will-navigate', url)).toBe(true)
      expect(fire('will-redirect', url)).toBe(true)
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses redirects off the app and never opens them', () => {
    const { fire, openExternal } = setup()
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses subframe navigation off the app', () => {
    const { fire } = setup()
    expect(fire('will-frame-navigate', 'https://evil.example/', false)).toBe(true)
    expect(fire('will-frame-navigate', 'https://evil.example/', true)).toBe(false) // will-navigate decides for the main frame
    expect(fire('will-frame-navigate', 'about:blank', false)).toBe(true)
    expect(fire('will-frame-navigate', 'data:text/html,<script>1</script>', false)).toBe(true)
  })

  it('lets the report preview load as a srcdoc frame', () => {
    const { fire } = setup()
    expect(fire('will-frame-navigate', 'about:srcdoc', false)).toBe(false)
  })

  it('never attaches a webview', () => {
    const { fire } = setup()
    expect(fire('will-attach-webview', 'about:blank')).toBe(true)
  })

  it('denies every new window; only safe web links go to the browser', () => {
    const { open, openExternal } = setup()
    expect(open('https://example.com/a')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a')
    openExternal.mockClear()
    for (const url of ['javascript:alert(1)', INDEX_URL, 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id x', 'about:blank']) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })
})

describe('denyAllPermissions', () => {
  it('denies permission requests, checks and devices', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    } as unknown as Session
    denyAllPermissions(session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      const callback = vi.fn()
      ;(handlers.request as (...args: unknown[]) => void)({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect((handlers.check as (...args: unknown[]) => unknown)(null, permission, 'file://', {})).toBe(false)
    }
    expect((handlers.device as (...args: unknown[]) => unknown)({ deviceType: 'usb' })).toBe(false)
  })
})
