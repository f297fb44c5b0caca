// Components and views get their data from stores and composables (composables/useServiceQuery.ts
// and the named changes beside it), never by calling the client: the one place where loading,
// errors and stale answers are handled stays the one place.
import { describe, expect, it } from 'vitest'

const components = import.meta.glob<string>('../**/*.vue', { query: '?raw', import: 'default', eager: true })

describe('the client boundary', () => {
  it('no .vue file imports the client', () => {
    expect(Object.keys(components).length).toBeGreaterThan(40)
    const offenders = Object.entries(components)
      .filter(([, source]) => /from\s+['"][./]*api\/client(\.ts)?['"]/.test(source))
      .map(([path]) => path)
    expect(offenders).toEqual([])
  })
})
