// @vitest-environment happy-dom
// Settings → Backups: "Back up now", and "Restore…", which shows what a backup holds and restores
// only when asked, saying where the replaced contents were kept.
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { BackupEntry } from '../../../../shared/api-views.ts'
import ToastHost from '../ToastHost.vue'
import BackupsPanel from './BackupsPanel.vue'
import { fakeService, mountOver, settle } from '../../test/harness.ts'

const Page = defineComponent({ render: () => h('div', [h(BackupsPanel), h(ToastHost)]) })

async function open(locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  const backups: BackupEntry[] = [
    { name: 'measure-tracker-2026-12-04.db', kind: 'daily', createdAt: '2026-12-04T08:00:00.000Z', bytes: 300_000 },
    { name: 'measure-tracker-2026-12-01-101010-damaged.db', kind: 'damaged', createdAt: '2026-12-01T10:10:10.000Z', bytes: 200_000 },
  ]
  const service = fakeService({
    'backups.list': () => ({ folder: '/home/a/.config/Measure Tracker/backups', backups }),
    'backups.create': () => {
      const made: BackupEntry = {
        name: 'measure-tracker-2026-12-04-120000-manual.db',
        kind: 'manual',
        createdAt: '2026-12-04T12:00:00.000Z',
        bytes: 310_000,
      }
      backups.unshift(made)
      return made
    },
    'backups.inspect': (input) => ({
      name: (input as { name: string }).name,
      schemaVersion: 4,
      measures: 24,
      deletedMeasures: 1,
      events: 67,
      notes: 3,
      newestChange: '2026-12-03T09:30:00.000Z',
      bytes: 300_000,
    }),
    'backups.restore': () => ({
      restored: {
        name: 'measure-tracker-2026-12-04.db',
        schemaVersion: 4,
        measures: 24,
        deletedMeasures: 1,
        events: 67,
        notes: 3,
        newestChange: null,
        bytes: 1,
      },
      keptAs: 'measure-tracker-2026-12-04-120500-before-restore.db',
    }),
  })
  return mountOver(service, Page, locale)
}

describe('Settings → Backups', () => {
  it('lists the backups and makes one on "Back up now"', async () => {
    const { wrapper, calls, button } = await open()
    expect(wrapper.get('table caption').text()).toBe('Backups, newest first')
    expect(wrapper.findAll('tbody tr').map((r) => r.findAll('td')[1]?.text())).toEqual(['Daily', 'Damaged file (kept as found)'])
    await button('Back up now')?.trigger('click')
    await settle()
    expect(calls('backups.create')).toHaveLength(1)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Backup made: measure-tracker-2026-12-04-120000-manual.db'))
    expect(wrapper.findAll('tbody tr')).toHaveLength(3)
  })

  it('shows what the chosen backup holds and restores only after confirming', async () => {
    const { wrapper, calls, button } = await open()
    await button('Restore…')?.trigger('click')
    await settle()
    const dialog = wrapper.get('dialog')
    expect(dialog.get('legend').text()).toBe('Backup to restore')
    // A damaged file's bytes are listed but cannot be chosen.
    const radios = dialog.findAll('input[type="radio"]')
    expect(radios).toHaveLength(1)
    const confirm = () => dialog.findAll('button').find((b) => b.text() === 'Restore this backup')
    expect(confirm()?.attributes('disabled')).toBeDefined()
    await radios[0]?.setValue(true)
    await settle()
    expect(calls('backups.inspect')).toEqual([{ name: 'measure-tracker-2026-12-04.db' }])
    const shown = dialog.get('[role="status"]').text()
    for (const line of [
      'Measures: 24',
      'Deleted measures (can be brought back): 1',
      'Events: 67',
      'Notes: 3',
      'Newest change:',
      'Database schema version: 4',
    ])
      expect(shown).toContain(line)
    expect(shown).toContain('kept as a backup of their own')
    expect(calls('backups.restore')).toEqual([])
    await dialog.get('form').trigger('submit')
    await settle()
    expect(calls('backups.restore')).toEqual([{ name: 'measure-tracker-2026-12-04.db' }])
    await vi.waitFor(() =>
      expect(wrapper.text()).toContain('The previous contents were kept as measure-tracker-2026-12-04-120500-before-restore.db'),
    )
  })

  it('is translated', async () => {
    for (const [locale, texts] of [
      ['zh-Hant', ['立即備份', '還原…', '每日']],
      ['zh-Hans', ['立即备份', '还原…', '每日']],
    ] as const) {
      const { wrapper } = await open(locale)
      for (const text of texts) expect(wrapper.text()).toContain(text)
      wrapper.unmount()
    }
  })
})
