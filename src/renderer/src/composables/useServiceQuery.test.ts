// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '../../../shared/result.ts'
import { fakeService, harness, settle } from '../test/harness.ts'
import { summary } from '../test/fixtures.ts'
import { latestResult, useServiceQuery } from './useServiceQuery.ts'

/** A task whose answers the test releases one by one, in any order. */
function controlled<T>() {
  const pending = new Map<string, (result: Result<T>) => void>()
  const task = (key: string) => new Promise<Result<T>>((resolve) => pending.set(key, resolve))
  const answer = (key: string, result: Result<T>) => pending.get(key)!(result)
  return { task, answer }
}

describe('latestResult: call, track loading and error, ignore stale answers', () => {
  it('never lets a slower, earlier answer overwrite a newer one', async () => {
    const { task, answer } = controlled<string>()
    const query = latestResult(task)
    const first = query.run('old')
    const second = query.run('new')
    answer('new', ok('for new'))
    expect(await second).toEqual(ok('for new'))
    answer('old', ok('for old'))
    expect(await first).toBeNull()
    expect(query.data.value).toBe('for new')
    expect(query.loading.value).toBe(false)
  })

  it('keeps loading until the newest call answers, whatever older ones do', async () => {
    const { task, answer } = controlled<string>()
    const query = latestResult(task)
    expect(query.loading.value).toBe(false)
    query.refresh('old')
    const newest = query.run('new')
    expect(query.loading.value).toBe(true)
    answer('old', fail('STORAGE', 'disk gone'))
    await settle()
    expect(query.loading.value).toBe(true)
    expect(query.error.value).toBeNull() // a stale failure is dropped too
    answer('new', ok('fresh'))
    await newest
    expect(query.loading.value).toBe(false)
    expect(query.loaded.value).toBe(true)
  })

  it('clears the error when a later call succeeds, and keeps the last value while failing', async () => {
    const { task, answer } = controlled<string>()
    const query = latestResult(task)
    const a = query.run('a')
    answer('a', ok('first'))
    await a
    const b = query.run('b')
    answer('b', fail('STORAGE', 'disk gone'))
    await b
    expect(query.error.value).toMatchObject({ code: 'STORAGE', message: 'disk gone' })
    expect(query.data.value).toBe('first')
    const c = query.run('c')
    answer('c', ok('second'))
    await c
    expect(query.error.value).toBeNull()
    expect(query.data.value).toBe('second')
  })

  it('drops the answer in flight on cancel, and forgets everything on reset', async () => {
    const { task, answer } = controlled<string>()
    const query = latestResult(task)
    const first = query.run('a')
    answer('a', ok('kept'))
    await first
    const late = query.run('b')
    query.cancel()
    expect(query.loading.value).toBe(false)
    answer('b', ok('too late'))
    expect(await late).toBeNull()
    expect(query.data.value).toBe('kept')
    query.reset()
    expect([query.data.value, query.error.value, query.loaded.value]).toEqual([null, null, false])
  })

  it('turns a throwing task into a failure instead of a rejected promise', async () => {
    const query = latestResult(() => Promise.reject(new Error('bridge gone')))
    expect(await query.run()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'bridge gone' } })
    expect(query.loading.value).toBe(false)
    expect(query.error.value?.message).toBe('bridge gone')
  })

  it('tells onAnswer about the newest answer only', async () => {
    const { task, answer } = controlled<string>()
    const heard: Result<string>[] = []
    const query = latestResult(task, { onAnswer: (result) => heard.push(result) })
    const old = query.run('old')
    const fresh = query.run('new')
    answer('old', ok('stale'))
    answer('new', ok('fresh'))
    await Promise.all([old, fresh])
    expect(heard).toEqual([ok('fresh')])
  })
})

describe('useServiceQuery', () => {
  it('calls the method with the input built from run’s arguments, and keeps the mapped value', async () => {
    const service = fakeService({ 'measures.list': (input) => [summary(input.filter?.text ?? 'none')] })
    harness({ service })
    const query = useServiceQuery('measures.list', (text: string) => ({ filter: { text } }), { map: (rows) => rows.map((row) => row.id) })
    await query.run('ports')
    expect(service.calls).toEqual([{ method: 'measures.list', input: { filter: { text: 'ports' } } }])
    expect(query.data.value).toEqual(['ports'])
  })
})
