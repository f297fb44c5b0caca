// The fake service the renderer's tests use is held to the contract (src/shared/api.ts), so a page
// calling a method the service does not have, or with an input the service would refuse, fails
// its test instead of passing against a fake that answers anything.
import { describe, expect, it } from 'vitest'
import type { MethodName } from '../../../shared/api.ts'
import { createClient } from '../api/client.ts'
import { fakeService, type Handlers } from './harness.ts'

describe('the fake service', () => {
  it('answers a method of the contract with what its handler gives', async () => {
    const service = fakeService({ 'measures.get': (input) => ({ id: input.id }) })
    const client = createClient(service.transport)
    expect(await client.call('measures.get', { id: 'us-ships' })).toEqual({ ok: true, value: { id: 'us-ships' } })
    expect(await client.call('measures.tags', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(service.violations).toEqual([])
  })

  it('refuses a method the contract does not have', async () => {
    const service = fakeService()
    await expect(service.transport.call('measures.explode' as MethodName, {})).rejects.toThrow(
      '"measures.explode" is not a method of the contract',
    )
    expect(service.violations).toHaveLength(1)
    service.violations.length = 0 // seen: the harness would otherwise fail this test after it ends
  })

  it('refuses a handler for a method the contract does not have', () => {
    // @ts-expect-error — not a method of the contract
    const handlers: Handlers = { 'measures.explode': () => null }
    expect(() => fakeService(handlers)).toThrow('"measures.explode" is not a method of the contract')
  })

  it('refuses an input the method’s schema rejects, naming the field', async () => {
    const service = fakeService({ 'reminders.upcoming': () => [] })
    const client = createClient(service.transport)
    // @ts-expect-error — days must be a whole number of days
    await expect(client.call('reminders.upcoming', { days: 'thirty' })).rejects.toThrow(/reminders\.upcoming: the contract refuses .*days/)
    await expect(service.transport.call('reminders.upcoming', { days: 30, extra: true })).rejects.toThrow(
      /reminders\.upcoming: the contract refuses/,
    )
    expect(service.violations).toHaveLength(2)
    service.violations.length = 0
  })

  // The page under test may swallow the refusal (a caught rejection): the test fails all the same.
  it.fails('fails the test when a refused call was swallowed', async () => {
    const service = fakeService()
    await service.transport.call('measures.explode' as MethodName, {}).catch(() => null)
  })
})
