// @vitest-environment happy-dom
// printHtml / saveHtmlAsPdf on each transport (the report view's part of api/transports.ts).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MeasureTrackerBridge, PrintRequest } from '../../../shared/bridge.ts'
import { fail, ok } from '../../../shared/result.ts'
import { createClient } from '../api/client.ts'
import { bridgeTransport, httpTransport, selectTransport, unavailableTransport } from '../api/transports.ts'

const request: PrintRequest = { html: '<!doctype html><p>report</p>', paper: 'Letter', landscape: false }

afterEach(() => {
  document.querySelectorAll('iframe.mt-print-frame').forEach((frame) => frame.remove())
})

function bridge(overrides: Partial<MeasureTrackerBridge> = {}): MeasureTrackerBridge {
  return {
    api: {} as MeasureTrackerBridge['api'],
    onPush: () => () => {},
    openExternal: async () => ok(null),
    saveFile: async () => ok(null),
    printHtml: vi.fn(async () => ok(null)),
    saveHtmlAsPdf: vi.fn(async (r: PrintRequest & { filename: string }) => ok({ path: `/home/me/${r.filename}` })),
    chooseCalendarFile: async () => ok(null),
    openDatasetFile: async () => ok(null),
    updates: {} as MeasureTrackerBridge['updates'],
    teamDatabase: {} as MeasureTrackerBridge['teamDatabase'],
    ...overrides,
  }
}

describe('printing through the transports', () => {
  it('desktop: hands the document, paper and orientation to the host', async () => {
    const host = bridge()
    const client = createClient(bridgeTransport(host))
    expect(await client.printHtml(request)).toEqual(ok(null))
    expect(host.printHtml).toHaveBeenCalledWith(request)
    expect(await client.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toEqual(ok({ path: '/home/me/r.pdf' }))
    expect(host.saveHtmlAsPdf).toHaveBeenCalledWith({ ...request, filename: 'r.pdf' })
  })

  it('desktop: a thrown or malformed answer becomes a failed Result', async () => {
    const thrown = createClient(
      bridgeTransport(
        bridge({
          printHtml: async () => {
            throw new Error('gone')
          },
          saveHtmlAsPdf: async () => 'nonsense' as never,
        }),
      ),
    )
    expect(await thrown.printHtml(request)).toEqual(fail('INTERNAL', 'gone'))
    expect(await thrown.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toEqual(fail('INTERNAL', 'Malformed answer to saveHtmlAsPdf'))
    const refused = createClient(bridgeTransport(bridge({ printHtml: async () => fail('VALIDATION', 'bad paper') })))
    expect(await refused.printHtml(request)).toEqual(fail('VALIDATION', 'bad paper'))
  })

  it('browser: both open the print dialog on the HTML; PDF is the dialog’s own destination (null path)', async () => {
    const print = vi.fn(async () => {})
    const client = createClient(httpTransport({ fetch: vi.fn(), open: vi.fn(), print }))
    expect(await client.printHtml(request)).toEqual(ok(null))
    expect(await client.saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).toEqual(ok(null))
    expect(print.mock.calls).toEqual([[request.html], [request.html]])
    const failing = createClient(
      httpTransport({
        fetch: vi.fn(),
        open: vi.fn(),
        print: async () => {
          throw new Error('blocked')
        },
      }),
    )
    expect(await failing.printHtml(request)).toEqual(fail('INTERNAL', 'blocked'))
    expect((await createClient(httpTransport({ fetch: vi.fn(), open: vi.fn() })).printHtml(request)).ok).toBe(false)
    expect((await createClient(unavailableTransport()).saveHtmlAsPdf({ ...request, filename: 'r.pdf' })).ok).toBe(false)
  })

  it('browser page: prints from a hidden frame that may not run scripts', async () => {
    const client = createClient(selectTransport(window))
    const printing = client.printHtml(request)
    const frame = document.querySelector<HTMLIFrameElement>('iframe.mt-print-frame')!
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals')
    expect(frame.srcdoc).toContain('<p>report</p>')
    const print = vi.fn()
    Object.defineProperty(frame, 'contentWindow', { configurable: true, get: () => ({ print, focus: () => {} }) })
    Object.defineProperty(frame, 'contentDocument', { configurable: true, get: () => document.implementation.createHTMLDocument('r') })
    frame.dispatchEvent(new Event('load'))
    expect(await printing).toEqual(ok(null))
    expect(print).toHaveBeenCalledOnce()
  })
})
