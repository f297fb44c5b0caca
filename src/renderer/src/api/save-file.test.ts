// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MeasureTrackerBridge } from '../../../shared/bridge.ts'
import { ok } from '../../../shared/result.ts'
import { createClient } from './client.ts'
import { downloadFile, safeDownloadName } from './download.ts'
import { bridgeTransport, httpTransport, selectTransport, unavailableTransport } from './transports.ts'

const FILE = { filename: 'measure-tracker.ics', mimeType: 'text/calendar;charset=utf-8', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('saving a file from the browser page', () => {
  it('clicks a temporary <a download> on an object URL of the content, then revokes the URL', async () => {
    const blobs: Blob[] = []
    const created: string[] = []
    const revoked: string[] = []
    const clicked: { href: string; download: string; inPage: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: document.body.contains(this) })
    })
    let later: (() => void) | null = null
    const result = downloadFile(FILE, {
      document,
      Blob,
      URL: {
        createObjectURL: (blob: Blob) => {
          blobs.push(blob)
          created.push('blob:test/1')
          return 'blob:test/1'
        },
        revokeObjectURL: (url: string) => void revoked.push(url),
      },
      defer: (run) => {
        later = run
      },
    })
    expect(result).toEqual({ path: 'measure-tracker.ics' })
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'measure-tracker.ics', inPage: true }])
    expect(document.querySelector('a[download]')).toBeNull()
    expect(blobs[0]!.type).toBe('text/calendar;charset=utf-8')
    expect(await blobs[0]!.text()).toBe(FILE.content)
    expect(revoked).toEqual([])
    later!()
    expect(revoked).toEqual(created)
  })

  it('gives the download a plain file name', () => {
    expect(safeDownloadName('../../etc/passwd')).toBe('_.._etc_passwd')
    expect(safeDownloadName('a\u0000b:c.ics')).toBe('a_b_c.ics')
    expect(safeDownloadName('  ')).toBe('download')
  })

  it('is what the HTTP transport does for saveFile, through the page the browser host served', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:page/2')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const client = createClient(selectTransport(window))
    expect(client.transport).toBe('http')
    expect(await client.saveFile(FILE)).toEqual({ ok: true, value: { path: 'measure-tracker.ics' } })
    expect(create).toHaveBeenCalledOnce()
    expect(click).toHaveBeenCalledOnce()
  })

  it('fails (never throws) when the page cannot save, or the download throws', async () => {
    const none = httpTransport({ fetch: vi.fn(), open: vi.fn() })
    expect(await none.saveFile(FILE)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const broken = httpTransport({
      fetch: vi.fn(),
      open: vi.fn(),
      download: () => {
        throw new Error('blocked')
      },
    })
    expect(await broken.saveFile(FILE)).toMatchObject({ ok: false, error: { message: 'blocked' } })
    expect((await unavailableTransport().saveFile(FILE)).ok).toBe(false)
  })
})

describe('saving a file in the desktop app', () => {
  it('passes the file to the preload bridge (save dialog in main) and its answer back', async () => {
    const saveFile = vi.fn(async () => ok({ path: '/home/me/measure-tracker.ics' }))
    const bridge = {
      api: {},
      onPush: () => () => {},
      openExternal: vi.fn(),
      saveFile,
      printHtml: vi.fn(),
      saveHtmlAsPdf: vi.fn(),
    } as unknown as MeasureTrackerBridge
    const transport = bridgeTransport(bridge)
    expect(await transport.saveFile(FILE)).toEqual({ ok: true, value: { path: '/home/me/measure-tracker.ics' } })
    expect(saveFile).toHaveBeenCalledWith(FILE)
    saveFile.mockResolvedValueOnce(ok(null) as never)
    expect(await transport.saveFile(FILE)).toEqual({ ok: true, value: null })
    saveFile.mockRejectedValueOnce(new Error('gone') as never)
    expect(await transport.saveFile(FILE)).toMatchObject({ ok: false, error: { message: 'gone' } })
  })
})
