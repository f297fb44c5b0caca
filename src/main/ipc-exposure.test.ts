// Electron main registers an IPC channel for exactly the methods the page may call
// (src/shared/exposed-methods.ts): nothing a hostile script in the page could use beyond the UI.
import type { IpcMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { registerIpcHandlers, type ShellHandlers } from './ipc.ts'
import { IPC_PREFIX } from '../shared/bridge.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'

describe('IPC channels', () => {
  it('are the only API channels Electron main registers: no exchange.import or reminders.markShown over IPC', () => {
    const channels = new Set<string>()
    const ipcMain = { handle: (channel: string) => channels.add(channel), removeHandler: vi.fn() } as unknown as Pick<
      IpcMain,
      'handle' | 'removeHandler'
    >
    registerIpcHandlers({ ipcMain, service: { call: vi.fn() }, isTrustedSender: () => true, shell: {} as ShellHandlers })
    const apiChannels = [...channels].filter((channel) => channel.startsWith(IPC_PREFIX)).map((channel) => channel.slice(IPC_PREFIX.length))
    expect(apiChannels.sort()).toEqual([...EXPOSED_METHODS].sort())
    for (const hidden of ['exchange.import', 'exchange.export', 'reminders.markShown', 'reminders.due'])
      expect(channels).not.toContain(IPC_PREFIX + hidden)
  })
})
