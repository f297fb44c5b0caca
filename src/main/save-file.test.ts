import { mkdtempSync, readFileSync, statSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { translator } from '../shared/i18n/translate.ts'
import { saveDialogOptions, saveFileRequest, writeFileAtomic, type AtomicFs, type SaveDialogDeps } from './save-file.ts'

describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-save-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a new file and leaves nothing else behind', async () => {
    await writeFileAtomic(join(dir, 'a.ics'), 'BEGIN:VCALENDAR')
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('BEGIN:VCALENDAR')
    expect(readdirSync(dir)).toEqual(['a.ics'])
  })

  it('replaces an existing file whole, text or bytes', async () => {
    writeFileSync(join(dir, 'a.pdf'), 'old')
    await writeFileAtomic(join(dir, 'a.pdf'), new Uint8Array([37, 80, 68, 70]))
    expect(readFileSync(join(dir, 'a.pdf'), 'latin1')).toBe('%PDF')
    expect(readdirSync(dir)).toEqual(['a.pdf'])
  })

  it('keeps the old file and removes the temporary one when writing fails', async () => {
    writeFileSync(join(dir, 'a.csv'), 'old')
    const failing: AtomicFs = {
      ...fsPromises,
      open: (async (...args: Parameters<typeof fsPromises.open>) => {
        const handle = await fsPromises.open(...args)
        return Object.assign(Object.create(handle) as fsPromises.FileHandle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          },
          close: () => handle.close(),
        })
      }) as typeof fsPromises.open,
    }
    await expect(writeFileAtomic(join(dir, 'a.csv'), 'new', failing)).rejects.toThrow(/ENOSPC/)
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['a.csv'])
  })

  it('fails in a folder that does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.csv'), 'x')).rejects.toThrow()
  })

  // Skipped on Windows: it has no POSIX mode bits or umask (files are guarded by ACLs there).
  it.skipIf(process.platform === 'win32')('leaves a file only its owner can read, whatever the umask', async () => {
    const previous = process.umask(0)
    try {
      await writeFileAtomic(join(dir, 'report.pdf'), '%PDF')
    } finally {
      process.umask(previous)
    }
    expect(statSync(join(dir, 'report.pdf')).mode & 0o777).toBe(0o600)
  })
})

describe('saveFileRequest', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt-save-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const parent = { id: 1 } as unknown as BaseWindow
  const deps = (answer: { canceled: boolean; filePath: string } | Error, extra: Partial<SaveDialogDeps> = {}) => {
    const showSaveDialog = vi.fn(async (..._args: unknown[]) => {
      if (answer instanceof Error) throw answer
      return answer
    })
    return {
      showSaveDialog,
      deps: {
        dialog: { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
        parentWindow: () => parent,
        documentsDir: () => '/home/ana/Documents',
        t: translator('en'),
        ...extra,
      } satisfies SaveDialogDeps,
    }
  }
  const file = { filename: 'all.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' }

  it('opens the dialog on the window, in Documents with the suggested name and one filter', async () => {
    const target = join(dir, 'chosen.ics')
    const { deps: d, showSaveDialog } = deps({ canceled: false, filePath: target })
    expect(await saveFileRequest(d, file)).toEqual({ ok: true, value: { path: target } })
    expect(showSaveDialog).toHaveBeenCalledTimes(1)
    const [window, options] = showSaveDialog.mock.calls[0]! as [BaseWindow, SaveDialogOptions]
    expect(window).toBe(parent)
    expect(options.defaultPath).toBe(join('/home/ana/Documents', 'all.ics'))
    expect(options.filters).toEqual([{ name: 'Calendar (iCalendar)', extensions: ['ics'] }])
    expect(options.properties).toContain('showOverwriteConfirmation')
    expect(readFileSync(target, 'utf8')).toBe('BEGIN:VCALENDAR')
  })

  it('answers null and writes nothing when cancelled', async () => {
    const writeFile = vi.fn()
    const { deps: d } = deps({ canceled: true, filePath: '' }, { writeFile })
    expect(await saveFileRequest(d, file)).toEqual({ ok: true, value: null })
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('answers STORAGE when the file cannot be written', async () => {
    const { deps: d } = deps({ canceled: false, filePath: join(dir, 'no', 'such', 'folder.ics') })
    const result = await saveFileRequest(d, file)
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    if (!result.ok) expect(result.error.message).toContain('folder.ics')
  })

  it('answers a Result when the dialog itself fails', async () => {
    const { deps: d } = deps(new Error('no display'))
    expect(await saveFileRequest(d, file)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('opens a free dialog when there is no window, and copes without a Documents folder', async () => {
    const { deps: d, showSaveDialog } = deps(
      { canceled: true, filePath: '' },
      {
        parentWindow: () => null,
        documentsDir: () => {
          throw new Error('Failed to get documents path')
        },
      },
    )
    await saveFileRequest(d, file)
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1)
    expect((showSaveDialog.mock.calls[0]![0] as SaveDialogOptions).defaultPath).toBe('all.ics')
  })
})

describe('saveDialogOptions', () => {
  it('names the kind of file in the app language', () => {
    const deps = { documentsDir: () => '/d', t: translator('zh-Hant') }
    expect(saveDialogOptions('r.pdf', 'pdf', deps)).toMatchObject({
      title: '將報告存為 PDF',
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    })
    expect(saveDialogOptions('r.csv', 'csv', { ...deps, t: translator('zh-Hans') }).filters).toEqual([
      { name: 'CSV 电子表格', extensions: ['csv'] },
    ])
  })
})
