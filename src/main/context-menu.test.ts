import { describe, expect, it, vi } from 'vitest'
import { translator } from '../shared/i18n/translate.ts'
import { buildContextMenuTemplate } from './context-menu.ts'

const t = translator('en')
const flags = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
}
const base = {
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [] as string[],
  linkURL: '',
  editFlags: flags,
}
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), copyText: vi.fn() })
const labels = (items: { label?: string; type?: string }[]) => items.map((item) => item.label ?? item.type)
const click = (item: { click?: unknown }) => (item.click as () => void)()

describe('buildContextMenuTemplate', () => {
  it('offers nothing on plain page background', () => {
    expect(buildContextMenuTemplate(base, t, actions())).toEqual([])
  })

  it('offers Copy for selected text', () => {
    expect(labels(buildContextMenuTemplate({ ...base, selectionText: 'Section 301' }, t, actions()))).toEqual(['Copy'])
  })

  it('offers the edit commands in a text field, enabled as the field allows', () => {
    const items = buildContextMenuTemplate(
      { ...base, isEditable: true, editFlags: { ...flags, canCut: false, canCopy: false } },
      t,
      actions(),
    )
    expect(labels(items)).toEqual(['Cut', 'Copy', 'Paste', 'Select All'])
    expect(items.map((item) => item.enabled)).toEqual([false, false, true, true])
  })

  it('offers spelling suggestions and Add to Dictionary for a misspelled word', () => {
    const a = actions()
    const items = buildContextMenuTemplate(
      { ...base, isEditable: true, misspelledWord: 'tarif', dictionarySuggestions: ['tariff', 'tariffs', 'a', 'b', 'c', 'd'] },
      t,
      a,
    )
    expect(labels(items)).toEqual([
      'tariff',
      'tariffs',
      'a',
      'b',
      'c',
      'Add to Dictionary',
      'separator',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
    ])
    click(items[0]!)
    expect(a.replaceMisspelling).toHaveBeenCalledWith('tariff')
    click(items[5]!)
    expect(a.addToDictionary).toHaveBeenCalledWith('tarif')
  })

  it('says when there are no suggestions', () => {
    const items = buildContextMenuTemplate({ ...base, isEditable: true, misspelledWord: 'xqzt' }, t, actions())
    expect(items[0]).toMatchObject({ label: 'No Guesses Found', enabled: false })
  })

  it('copies a link address (never opens it from here)', () => {
    const a = actions()
    const items = buildContextMenuTemplate({ ...base, linkURL: 'https://www.federalregister.gov/' }, t, a)
    expect(labels(items)).toEqual(['Copy Link Address'])
    click(items[0]!)
    expect(a.copyText).toHaveBeenCalledWith('https://www.federalregister.gov/')
  })

  it('is translated', () => {
    expect(labels(buildContextMenuTemplate({ ...base, isEditable: true }, translator('zh-Hans'), actions()))).toEqual([
      '剪切',
      '拷贝',
      '粘贴',
      '全选',
    ])
  })
})
