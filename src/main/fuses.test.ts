// The packaged build's fuses (electron-builder.yml `electronFuses`, flipped by @electron/fuses at
// packaging time; packaging cannot run here, so the configuration is what is checked). The keys
// are checked against electron-builder's own list, so a misspelt fuse — silently ignored when
// packaging — fails here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)

/**
 * The `electronFuses:` block of the YAML file: a flat map of `key: true|false` lines (no YAML
 * library is a dependency of ours; anything else in the block fails the test below).
 */
function fuseBlock(yaml: string): Record<string, unknown> {
  const lines = yaml.split(/\r?\n/)
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line))
  if (start < 0) return {}
  const block: Record<string, unknown> = {}
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue
    if (!/^\s/.test(line)) break
    const match = /^\s+([A-Za-z0-9]+):\s*(\S+)\s*(#.*)?$/.exec(line)
    block[match?.[1] ?? line.trim()] = match?.[2] === 'true' ? true : match?.[2] === 'false' ? false : match?.[2]
  }
  return block
}

const fuses = fuseBlock(readFileSync(new URL('electron-builder.yml', root), 'utf8'))

describe('electron-builder.yml electronFuses', () => {
  it("turns off file://'s extra privileges: the page is served from the app scheme", () => {
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false)
  })

  it('keeps the packaged app from being run as Node, given NODE_OPTIONS, or debugged by flags', () => {
    expect(fuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false })
  })

  it('loads only the signed, integrity-checked app.asar', () => {
    expect(fuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true })
  })

  it('names only fuses electron-builder knows (a misspelt key would be ignored when packaging)', () => {
    // electron-builder's configuration schema (its app-builder-lib), as electron-builder resolves it.
    const builder = createRequire(new URL('package.json', root)).resolve('electron-builder/package.json')
    const scheme = createRequire(builder)('app-builder-lib/scheme.json') as {
      definitions: Record<string, { properties?: Record<string, unknown> }>
    }
    const known = Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {})
    expect(known).toContain('grantFileProtocolExtraPrivileges')
    for (const key of Object.keys(fuses)) expect(known, key).toContain(key)
    for (const value of Object.values(fuses)) expect(typeof value).toBe('boolean')
  })
})
