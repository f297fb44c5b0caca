// Tripwires for "nothing a note says can run": set before the app's own scripts (addInitScript),
// read back after the page has shown the hostile content. Any dialog, any call to alert/confirm/
// prompt, any write to window.__pwned, any Content-Security-Policy violation, any request that
// leaves 127.0.0.1 or uses a javascript:/data: URL, is recorded.
import type { BrowserContext, Dialog, Page, Request } from '@playwright/test'
import { APP_ORIGIN } from '../../src/main/app-scheme.ts'

export interface Tripwires {
  /** Dialogs Playwright saw (alert, confirm, prompt, beforeunload) in any frame. */
  dialogs: string[]
  /** Requests of the app's page that went anywhere but the local host (or to javascript:/data:). */
  strayRequests: string[]
  /** Every request URL of the app's page (for the report). */
  requests: string[]
  /**
   * What the in-page traps recorded: alert/confirm/prompt calls and __pwned writes (`trapped`),
   * Content-Security-Policy violations (`violations`), URLs given to window.open (`opened`).
   */
  inPage(): Promise<{ trapped: string[]; violations: string[]; pwned: unknown; opened: string[] }>
}

declare global {
  interface Window {
    __pwned?: unknown
    __trapped?: string[]
    __violations?: string[]
    __opened?: string[]
  }
}

function isLocal(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') && parsed.hostname === '127.0.0.1'
  } catch {
    return false
  }
}

/**
 * The app's own URLs: the browser host on 127.0.0.1, or Electron's page on its own scheme
 * (measure-tracker://app/, src/main/app-scheme.ts). A file: URL is no longer the app: a request
 * for one is stray.
 */
export function isAppUrl(url: string): boolean {
  return isLocal(url) || url.startsWith(`${APP_ORIGIN}/`)
}

/**
 * Arms the traps on `page` for its next load (call page.reload() or navigate afterwards) and on
 * the context: requests leaving the machine are aborted (popups opened for external links must
 * not reach the network from a test) and recorded.
 */
export async function armTripwires(page: Page, context: BrowserContext): Promise<Tripwires> {
  const dialogs: string[] = []
  const requests: string[] = []
  const strayRequests: string[] = []
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  page.on('request', (request: Request) => {
    const url = request.url()
    requests.push(url)
    if (!isAppUrl(url) || /^(javascript|data):/i.test(url)) strayRequests.push(url)
  })
  // Nothing leaves the machine, whoever asks (the app's page or a popup it opened).
  await context.route(
    (url) => !isAppUrl(url.href),
    (route) => route.abort('blockedbyclient'),
  )
  await page.addInitScript(() => {
    const trapped: string[] = []
    const opened: string[] = []
    const violations: string[] = []
    Object.defineProperty(window, '__violations', { value: violations, configurable: false })
    Object.defineProperty(window, '__trapped', { value: trapped, configurable: false })
    Object.defineProperty(window, '__opened', { value: opened, configurable: false })
    // window.__pwned: any script that sets it is caught by the setter, and it stays undefined.
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: (value: unknown) => {
        trapped.push(`__pwned = ${String(value)}`)
      },
    })
    const note = (name: string, args: unknown[]) => trapped.push(`${name}(${args.map(String).join(', ')})`)
    window.alert = (...args: unknown[]) => void note('alert', args)
    window.confirm = (...args: unknown[]) => (note('confirm', args), false)
    window.prompt = (...args: unknown[]) => (note('prompt', args), null)
    // Pass-through: the popup still opens (and is seen by the context); only its URL is noted.
    const open = window.open.bind(window)
    window.open = (url?: string | URL, target?: string, features?: string) => {
      opened.push(String(url))
      return open(url, target, features)
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`CSP ${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  return {
    dialogs,
    requests,
    strayRequests,
    inPage: () =>
      page.evaluate(() => ({
        trapped: [...(window.__trapped ?? ['traps were not armed'])],
        violations: [...(window.__violations ?? [])],
        pwned: window.__pwned,
        opened: [...(window.__opened ?? [])],
      })),
  }
}
