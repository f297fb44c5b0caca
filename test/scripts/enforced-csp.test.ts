// The gate's view of the app scheme's policy, over small renderer folders: what it reports is
// what the scheme's handler would deliver.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/main/csp.ts'
import { enforcedPolicies } from '../../scripts/enforced-csp.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function renderer(meta: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'mt-enforced-csp-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'assets'))
  const tag = meta === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${meta}" />`
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head>${tag}<script type="module" src="/assets/index.js"></script></head></html>`,
  )
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {}')
  return dir
}

describe('enforcedPolicies', () => {
  it('passes the strict header on every file and the strict <meta> tag, and lists what it read', async () => {
    const result = await enforcedPolicies(renderer(metaContentSecurityPolicy()))
    expect(result.problems).toEqual([])
    expect(result.policies).toEqual([
      ['header of 2 files on measure-tracker://app/', contentSecurityPolicy()],
      ['<meta> tag of measure-tracker://app/index.html', metaContentSecurityPolicy()],
    ])
  })

  it("fails a <meta> tag that lets file: scripts in, even when the header is strict (the file:// page's old hole)", async () => {
    const result = await enforcedPolicies(
      renderer("default-src 'self'; script-src 'self' file:; object-src 'none'; base-uri 'none'; form-action 'none'"),
    )
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/<meta> tag .*script-src/)]))
  })

  it('fails a page without the <meta> tag', async () => {
    expect((await enforcedPolicies(renderer(null))).problems).toEqual([expect.stringMatching(/0 Content-Security-Policy <meta> tags/)])
  })

  it('fails a weak header the handler would send', async () => {
    const result = await enforcedPolicies(
      renderer(metaContentSecurityPolicy()),
      "default-src 'self'; script-src 'self' data:; connect-src *",
    )
    expect(result.problems.length).toBeGreaterThan(0)
    expect(result.problems.every((problem) => problem.startsWith('header of'))).toBe(true)
  })

  it('fails when there is no build to read', async () => {
    expect((await enforcedPolicies(join(tmpdir(), 'mt-no-such-renderer'))).problems).toEqual([expect.stringMatching(/npm run build/)])
  })
})
