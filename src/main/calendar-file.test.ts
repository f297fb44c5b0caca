// Settings → Calendar → Choose file… in Electron main: the save dialog, the first write and the
// setting, against a real temporary store. The dialog is a fake; the file system is real.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Dialog, SaveDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTempStore, type TempStore } from '../../test/helpers/temp-store.ts'
import { value } from '../../test/helpers/results.ts'
import { translator } from '../shared/i18n/translate.ts'
import { chooseCalendarFile } from './calendar-file.ts'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore()
})
afterEach(() => temp.cleanup())

function deps(answer: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn(async (..._args: unknown[]) => answer)
  const onChosen = vi.fn()
  return {
    showSaveDialog,
    onChosen,
    deps: {
      dialog: { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
      parentWindow: () => null,
      documentsDir: () => temp.dir,
      t: translator('zh-Hant'),
      service: temp.store.service,
      onChosen,
    },
  }
}
const subscription = () => value(temp.store.core.call('calendar.subscription', {}))

describe('chooseCalendarFile', () => {
  it('asks where, writes the calendar there in the subscription’s language, and keeps that file from then on', async () => {
    value(await temp.store.service.call('calendar.configureSubscription', { locale: 'zh-Hans' }))
    const target = join(temp.dir, 'deadlines.ics')
    const { deps: d, showSaveDialog, onChosen } = deps({ canceled: false, filePath: target })
    const result = value(await chooseCalendarFile(d))
    const options = showSaveDialog.mock.calls[0]![0] as SaveDialogOptions
    expect(options).toMatchObject({
      title: '選擇可訂閱行事曆的存放位置',
      defaultPath: join(temp.dir, 'measure-tracker.ics'),
      filters: [{ extensions: ['ics'] }],
    })
    expect(readFileSync(target, 'utf8')).toBe(value(await temp.store.service.call('calendar.export', { locale: 'zh-Hans' })).content)
    expect(result).toMatchObject({ locale: 'zh-Hans', file: { path: target } })
    expect(result!.file!.writtenAt).not.toBeNull()
    expect(subscription().file?.path).toBe(target)
    expect(onChosen).toHaveBeenCalledTimes(1)

    // Choosing again opens where the file is now.
    const again = deps({ canceled: true })
    await chooseCalendarFile(again.deps)
    expect((again.showSaveDialog.mock.calls[0]![0] as SaveDialogOptions).defaultPath).toBe(target)
  })

  it('changes nothing when the dialog is cancelled', async () => {
    const { deps: d, onChosen } = deps({ canceled: true })
    expect(await chooseCalendarFile(d)).toEqual({ ok: true, value: null })
    expect(subscription().file).toBeNull()
    expect(onChosen).not.toHaveBeenCalled()
  })

  it('refuses a place it cannot write to, and keeps the setting as it was', async () => {
    const target = join(temp.dir, 'no-such-folder', 'deadlines.ics')
    const { deps: d, onChosen } = deps({ canceled: false, filePath: target })
    expect(await chooseCalendarFile(d)).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    expect(existsSync(target)).toBe(false)
    expect(subscription().file).toBeNull()
    expect(onChosen).not.toHaveBeenCalled()
  })
})
