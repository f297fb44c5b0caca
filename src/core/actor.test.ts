import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { actorName } from './actor.ts'

describe('actorName', () => {
  it('names the program and the operating-system user who made a change', () => {
    const user = userInfo().username
    expect(actorName('app')).toBe(`app:${user}`)
    expect(actorName('web')).toBe(`web:${user}`)
    expect(actorName('cli')).toBe(`cli:${user}`)
  })
})
