// The list of methods the page may call is exactly what the renderer calls — no more (an unused
// method is one more thing a hostile script in the page could use), no less (the UI would break
// in Electron and in the browser alike). That Electron main registers IPC channels for it only is
// checked in src/main/ipc-exposure.test.ts (src/shared may not import main or electron).
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { METHOD_NAMES } from './api.ts'
import { EXPOSED_METHODS, isExposedMethod } from './exposed-methods.ts'

const RENDERER = resolve(import.meta.dirname, '..', 'renderer', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

/**
 * Every method the renderer's own code names: `call('method'` and the loading composable's
 * `useServiceQuery('method'` (the client's one generic `call(method` aside).
 */
function methodsTheRendererCalls(): Set<string> {
  const called = new Set<string>()
  for (const file of sources(RENDERER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:call|useServiceQuery)\(\s*['"`]([a-zA-Z]+\.[a-zA-Z]+)['"`]/g))
      called.add(match[1]!)
  }
  return called
}

describe('the methods exposed to the page', () => {
  it('are exactly the ones the renderer calls', () => {
    const called = methodsTheRendererCalls()
    expect(called.size).toBeGreaterThan(10)
    expect([...called].sort()).toEqual([...EXPOSED_METHODS].sort())
  })

  it('are API methods, each once', () => {
    for (const name of EXPOSED_METHODS) expect(METHOD_NAMES, name).toContain(name)
    expect(new Set(EXPOSED_METHODS).size).toBe(EXPOSED_METHODS.length)
    expect(isExposedMethod('measures.list')).toBe(true)
    expect(isExposedMethod('exchange.import')).toBe(false)
    expect(isExposedMethod('toString')).toBe(false)
  })
})
