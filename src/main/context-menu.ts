// The right-click menu Electron does not provide by itself: spelling suggestions in text fields,
// cut/copy/paste as the field allows, and copying a link's address.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'
import type { Translate } from '../shared/i18n/translate.ts'

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  copyText(text: string): void
}

type Params = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'linkURL' | 'editFlags'>

const MAX_SUGGESTIONS = 5

/** The items for one right-click; empty when there is nothing to offer. */
export function buildContextMenuTemplate(params: Params, t: Translate, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  const separate = () => {
    if (items.length > 0 && items[items.length - 1]!.type !== 'separator') items.push({ type: 'separator' })
  }
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) })
    if (suggestions.length === 0) items.push({ label: t('menu.noSuggestions'), enabled: false })
    const word = params.misspelledWord
    items.push({ label: t('menu.addToDictionary'), click: () => actions.addToDictionary(word) })
  }
  if (params.isEditable) {
    separate()
    items.push(
      { role: 'cut', label: t('menu.cut'), enabled: params.editFlags.canCut },
      { role: 'copy', label: t('menu.copy'), enabled: params.editFlags.canCopy },
      { role: 'paste', label: t('menu.paste'), enabled: params.editFlags.canPaste },
      { role: 'selectAll', label: t('menu.selectAll'), enabled: params.editFlags.canSelectAll },
    )
  } else if (params.selectionText.trim()) {
    separate()
    items.push({ role: 'copy', label: t('menu.copy') })
  }
  if (params.linkURL) {
    separate()
    const link = params.linkURL
    items.push({ label: t('menu.copyLink'), click: () => actions.copyText(link) })
  }
  return items
}
