// The shell's functions and the service answer a bad input in one shape (issue 17): the same zod
// failure gives the same VALIDATION Result through src/shared/validation-failure.ts (what Electron
// main's shell dispatcher answers) as through the service's own edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../src/shared/api.ts'
import { validationFailure } from '../src/shared/validation-failure.ts'
import { openTempStore, type TempStore } from './helpers/temp-store.ts'

let temp: TempStore
beforeAll(async () => {
  temp = await openTempStore({ seed: false })
})
afterAll(() => temp.cleanup())

describe('a VALIDATION Result', () => {
  it.each([
    ['measures.get', { id: 42 }],
    ['measures.get', { id: 'm1', extra: true }],
    ['notes.add', { measureId: 'm1', text: 7 }],
    ['measures.list', 'not an object'],
  ] as const)('for %s %j is the same from the service and from validationFailure()', (method, input) => {
    const parsed = api[method].input.safeParse(input)
    expect(parsed.success).toBe(false)
    const answer = temp.store.core.call(method, input)
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(validationFailure(parsed.error!)).toEqual(answer)
  })
})
