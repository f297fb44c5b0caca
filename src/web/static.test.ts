import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findStaticFile, hasExtension, missingBuildPage, readIndexHtml, safeSegments } from './static.ts'
import { contentTypeFor } from '../shared/static-files.ts'

describe('safeSegments', () => {
  it('decodes ordinary paths', () => {
    expect(safeSegments('/')).toEqual([])
    expect(safeSegments('/assets/index-abc.js')).toEqual(['assets', 'index-abc.js'])
    expect(safeSegments('/assets//a%20b.css')).toEqual(['assets', 'a b.css'])
  })

  it('refuses every way of spelling a step outside or a hidden file', () => {
    for (const path of [
      '/../x',
      '/a/../../x',
      '/%2e%2e/x',
      '/%2E%2E/x',
      '/..%2fx',
      '/a%2f..%2f..%2fx',
      '/..%5cx',
      '/a\\..\\x',
      '/.env',
      '/%2eenv',
      '/a%00.js',
      '/%zz',
      'relative/x',
      '/./x',
      '/C:%5cWindows',
    ]) {
      expect(safeSegments(path), path).toBeNull()
    }
  })
})

describe('content types', () => {
  it('names what the renderer build contains', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('x.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('x.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('x.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('x.woff2')).toBe('font/woff2')
    expect(contentTypeFor('x.PNG')).toBe('image/png')
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream')
    expect(contentTypeFor('noext')).toBe('application/octet-stream')
  })

  it('tells app routes from files', () => {
    expect(hasExtension('/measures/abc')).toBe(false)
    expect(hasExtension('/')).toBe(false)
    expect(hasExtension('/assets/app.js')).toBe(true)
    expect(hasExtension('/favicon.ico')).toBe(true)
  })
})

describe('findStaticFile', () => {
  let base: string
  let root: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mt-static-'))
    root = join(base, 'renderer')
    await mkdir(join(root, 'assets', 'sub'), { recursive: true })
    await writeFile(join(root, 'index.html'), '<html><head></head></html>')
    await writeFile(join(root, 'assets', 'app.js'), 'x')
    await writeFile(join(base, 'secret.txt'), 'secret')
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
    await symlink(join(root, 'assets', 'app.js'), join(root, 'assets', 'inside.js'))
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it('finds regular files only', async () => {
    expect(await findStaticFile(root, '/assets/app.js')).toMatchObject({ size: 1 })
    expect(await findStaticFile(root, '/assets/sub')).toBeNull()
    expect(await findStaticFile(root, '/assets')).toBeNull()
    expect(await findStaticFile(root, '/')).toBeNull()
    expect(await findStaticFile(root, '/nope.js')).toBeNull()
  })

  it('never leaves the folder, not even through a symlink', async () => {
    expect(await findStaticFile(root, '/../secret.txt')).toBeNull()
    expect(await findStaticFile(root, '/%2e%2e/secret.txt')).toBeNull()
    expect(await findStaticFile(root, `/${encodeURIComponent(join(base, 'secret.txt'))}`)).toBeNull()
    expect(await findStaticFile(root, join(base, 'secret.txt'))).toBeNull()
    expect(await findStaticFile(root, '/assets/link.txt')).toBeNull()
    expect(await findStaticFile(root, '/assets/inside.js')).toMatchObject({ size: 1 })
  })

  it('reads index.html as built (nothing added), or null when there is no build', async () => {
    expect(await readIndexHtml(root)).toBe('<html><head></head></html>')
    expect(await readIndexHtml(join(base, 'none'))).toBeNull()
    expect(missingBuildPage('/x/<out>')).toMatch(/npm run web/)
    expect(missingBuildPage('/x/<out>')).toContain('/x/&lt;out&gt;')
  })
})
