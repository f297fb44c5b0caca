// The native menu: the platform's usual roles (so copy/paste, zoom and window management work
// as everywhere else) plus the app's own commands, each of which is sent to the page as a
// {type: 'menu', command} push event for the renderer to act on.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/bridge.ts'
import type { Translate } from '../shared/i18n/translate.ts'

export interface MenuOptions {
  t: Translate
  platform: NodeJS.Platform
  /** Developer tools and force-reload appear in development builds only. */
  isDev: boolean
  send: (command: MenuCommand) => void
}

/** The app's own commands: command → label key and accelerator. */
export const APP_COMMANDS: Record<MenuCommand, { label: string; accelerator?: string }> = {
  'new-measure': { label: 'menu.newMeasure', accelerator: 'CmdOrCtrl+N' },
  find: { label: 'menu.find', accelerator: 'CmdOrCtrl+F' },
  'go-board': { label: 'menu.board', accelerator: 'CmdOrCtrl+1' },
  'print-report': { label: 'menu.printReport', accelerator: 'CmdOrCtrl+P' },
  'save-pdf': { label: 'menu.savePdf', accelerator: 'CmdOrCtrl+Shift+S' },
  'export-ics': { label: 'menu.exportCalendar' },
  'export-csv': { label: 'menu.exportCsv' },
  'toggle-as-of': { label: 'menu.asOf', accelerator: 'CmdOrCtrl+T' },
}

export function buildMenuTemplate({ t, platform, isDev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (name: MenuCommand): MenuItemConstructorOptions => {
    const spec = APP_COMMANDS[name]
    return {
      id: name,
      label: t(spec.label),
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      click: () => send(name),
    }
  }
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions = {
    label: 'Measure Tracker',
    submenu: [
      { role: 'about', label: t('menu.about') },
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide') },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.unhide') },
      separator,
      { role: 'quit', label: t('menu.quit') },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      command('new-measure'),
      separator,
      command('print-report'),
      command('save-pdf'),
      { label: t('menu.export'), submenu: [command('export-ics'), command('export-csv')] },
      separator,
      isMac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      ...(isMac ? [{ role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') } as const] : []),
      { role: 'delete', label: t('menu.delete') },
      { role: 'selectAll', label: t('menu.selectAll') },
      separator,
      command('find'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      command('go-board'),
      command('toggle-as-of'),
      separator,
      { role: 'reload', label: t('menu.reload') },
      ...(isDev
        ? [
            { role: 'forceReload', label: t('menu.forceReload') } as const,
            { role: 'toggleDevTools', label: t('menu.toggleDevTools') } as const,
          ]
        : []),
      separator,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window'),
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      { role: 'zoom', label: t('menu.zoom') },
      ...(isMac ? [separator, { role: 'front', label: t('menu.front') } as const] : [{ role: 'close', label: t('menu.close') } as const]),
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    // macOS has About in the app menu and puts its own search field here.
    submenu: isMac ? [] : [{ role: 'about', label: t('menu.about') }],
  }

  return [...(isMac ? [appMenu] : []), file, edit, view, windowMenu, help]
}

/** Every item of a template, depth first (for finding commands in tests and assertions). */
export function flattenMenu(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  const visit = (list: readonly MenuItemConstructorOptions[]) => {
    for (const item of list) {
      items.push(item)
      if (Array.isArray(item.submenu)) visit(item.submenu)
    }
  }
  visit(template)
  return items
}
