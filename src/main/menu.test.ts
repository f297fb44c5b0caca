import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { MENU_COMMANDS, type MenuCommand } from '../shared/bridge.ts'
import { MESSAGES, translator } from '../shared/i18n/translate.ts'
import { APP_COMMANDS, buildMenuTemplate, flattenMenu } from './menu.ts'

const build = (platform: NodeJS.Platform, isDev = false, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') => {
  const send = vi.fn<(command: MenuCommand) => void>()
  const template = buildMenuTemplate({ t: translator(locale), platform, isDev, send })
  return { template, items: flattenMenu(template), send }
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)()

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help (plus the app menu on macOS)', () => {
    expect(build('linux').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    expect(build('win32').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    expect(build('darwin').template.map((m) => m.label)).toEqual(['Measure Tracker', 'File', 'Edit', 'View', 'Window', 'Help'])
  })

  it.each([
    ['new-measure', 'CmdOrCtrl+N'],
    ['find', 'CmdOrCtrl+F'],
    ['go-board', 'CmdOrCtrl+1'],
    ['print-report', 'CmdOrCtrl+P'],
    ['save-pdf', 'CmdOrCtrl+Shift+S'],
    ['toggle-as-of', 'CmdOrCtrl+T'],
    ['export-ics', undefined],
    ['export-csv', undefined],
  ])('has the command %s with accelerator %s, which it sends to the page', (command, accelerator) => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { items, send } = build(platform)
      const matching = items.filter((item) => item.id === command)
      expect(matching).toHaveLength(1)
      expect(matching[0]!.accelerator).toBe(accelerator)
      click(matching[0]!)
      expect(send).toHaveBeenCalledWith(command)
    }
  })

  it('covers every MENU_COMMAND of the bridge', () => {
    expect(Object.keys(APP_COMMANDS).sort()).toEqual([...MENU_COMMANDS].sort())
    const ids = build('linux').items.map((item) => item.id)
    for (const command of MENU_COMMANDS) expect(ids).toContain(command)
  })

  it('uses no accelerator twice', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const accelerators = build(platform).items.flatMap((item) => (item.accelerator ? [item.accelerator] : []))
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })

  it('keeps the standard roles', () => {
    const roles = new Set(
      build('linux')
        .items.map((item) => item.role)
        .filter(Boolean),
    )
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'reload',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'minimize',
      'close',
      'quit',
      'about',
    ]) {
      expect(roles).toContain(role)
    }
    const mac = new Set(
      build('darwin')
        .items.map((item) => item.role)
        .filter(Boolean),
    )
    for (const role of ['services', 'hide', 'hideOthers', 'unhide', 'front', 'pasteAndMatchStyle', 'quit']) expect(mac).toContain(role)
  })

  it('offers developer tools in development builds only', () => {
    expect(build('linux', false).items.some((item) => item.role === 'toggleDevTools')).toBe(false)
    expect(build('linux', true).items.some((item) => item.role === 'toggleDevTools')).toBe(true)
  })

  it.each(['en', 'zh-Hant', 'zh-Hans'] as const)('has every label translated in %s (no raw keys)', (locale) => {
    for (const item of build('darwin', true, locale).items) {
      if (item.type === 'separator') continue
      expect(item.label, JSON.stringify(item)).toBeTruthy()
      expect(item.label).not.toMatch(/^menu\./)
    }
    expect(Object.keys((MESSAGES[locale] as { menu: object }).menu).sort()).toEqual(Object.keys(MESSAGES.en.menu).sort())
  })

  it('speaks the system language', () => {
    expect(build('linux', false, 'zh-Hant').template.map((m) => m.label)).toEqual(['檔案', '編輯', '檢視', '視窗', '說明'])
    expect(build('linux', false, 'zh-Hans').template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助'])
  })
})
