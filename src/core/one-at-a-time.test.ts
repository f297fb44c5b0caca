import { describe, expect, it } from 'vitest'
import { oneAtATime } from './one-at-a-time.ts'

describe('oneAtATime', () => {
  it('never runs the work twice at once, and runs it once more for changes that came meanwhile', async () => {
    let active = 0
    let most = 0
    let runs = 0
    const release: (() => void)[] = []
    const work = oneAtATime(async () => {
      active++
      most = Math.max(most, active)
      runs++
      await new Promise<void>((resolve) => release.push(resolve))
      active--
    })
    work.run()
    work.run()
    work.run()
    expect(runs).toBe(1)
    release.shift()!()
    await new Promise((resolve) => setImmediate(resolve))
    // Three changes while the first run was under way: one more run covers them all.
    expect(runs).toBe(2)
    release.shift()!()
    await work.idle()
    expect(runs).toBe(2)
    expect(most).toBe(1)
  })

  it('hands what escapes the work to onError and keeps going', async () => {
    const errors: unknown[] = []
    let calls = 0
    const work = oneAtATime(
      async () => {
        calls++
        if (calls === 1) throw new Error('first run failed')
      },
      (error) => errors.push(error),
    )
    work.run()
    await work.idle()
    work.run()
    await work.idle()
    expect(calls).toBe(2)
    expect(errors).toEqual([new Error('first run failed')])
  })
})
