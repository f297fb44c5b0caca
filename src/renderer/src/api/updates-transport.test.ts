// @vitest-environment happy-dom
// Settings → Updates through the transports: the desktop bridge's update functions relayed (a
// Result whatever the bridge does); the browser host, which never updates itself, refuses them all.
import { describe, expect, it, vi } from 'vitest'
import type { MeasureTrackerBridge, UpdateFunctions } from '../../../shared/bridge.ts'
import { ok } from '../../../shared/result.ts'
import type { UpdateStatus } from '../../../shared/updates.ts'
import { bridgeTransport, httpTransport, unavailableTransport } from './transports.ts'

const STATUS: UpdateStatus = {
  currentVersion: '0.1.0',
  unsupported: null,
  preferences: { checkAutomatically: false },
  lastCheckedAt: null,
  state: { phase: 'idle' },
}

const NAMES = ['status', 'configure', 'check', 'download', 'install'] as const satisfies readonly (keyof UpdateFunctions)[]

function bridgeWith(updates: Partial<UpdateFunctions>): MeasureTrackerBridge {
  return { updates } as unknown as MeasureTrackerBridge
}

describe('update functions over the desktop bridge', () => {
  it('relays each call and its answer', async () => {
    const updates = {
      status: vi.fn(async () => ok(STATUS)),
      configure: vi.fn(async () => ok({ ...STATUS, preferences: { checkAutomatically: true } })),
      check: vi.fn(async () => ok(STATUS)),
      download: vi.fn(async () => ok(STATUS)),
      install: vi.fn(async () => ok(null)),
    }
    const transport = bridgeTransport(bridgeWith(updates))
    expect(await transport.updates.status()).toEqual(ok(STATUS))
    expect(await transport.updates.configure({ checkAutomatically: true })).toMatchObject({
      ok: true,
      value: { preferences: { checkAutomatically: true } },
    })
    expect(updates.configure).toHaveBeenCalledWith({ checkAutomatically: true })
    expect(await transport.updates.install()).toEqual(ok(null))
  })

  it('turns a throw or a malformed answer into a failed Result', async () => {
    const transport = bridgeTransport(
      bridgeWith({
        check: async () => {
          throw new Error('bridge gone')
        },
        download: async () => 'yes' as never,
      }),
    )
    expect(await transport.updates.check()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'bridge gone' } })
    expect(await transport.updates.download()).toMatchObject({ ok: false, error: { message: 'Malformed answer to updates.download' } })
  })
})

describe('update functions where there is no desktop app', () => {
  it('the browser host refuses every one', async () => {
    const transport = httpTransport({ fetch: vi.fn(), open: vi.fn() })
    for (const name of NAMES) {
      const result = await (transport.updates[name] as (input?: unknown) => Promise<unknown>)({ checkAutomatically: true })
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Updates come with the installed desktop app.' },
      })
    }
  })

  it('a page with no host says there is no service', async () => {
    expect(await unavailableTransport().updates.check()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
