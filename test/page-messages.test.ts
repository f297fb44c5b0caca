// The page's copy of the message files leaves out the groups only Node code shows. Safe only while
// no page code names a message of those groups: every quoted "group.key…" in the page's sources
// (the renderer and the shared modules it imports) that is a message path must be outside them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NODE_ONLY_MESSAGE_GROUPS, pageMessages } from '../src/renderer/build/page-messages.ts'
import { METHOD_NAMES } from '../src/shared/api.ts'

const ROOT = join(import.meta.dirname, '..')
const I18N = join(ROOT, 'src/shared/i18n')
const messages = (locale: string) => JSON.parse(readFileSync(join(I18N, `${locale}.json`), 'utf8')) as Record<string, unknown>

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'build' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

/** Whether `path` (a.b.c) names a message or a group of messages in `tree`. */
function isMessagePath(tree: Record<string, unknown>, path: string): boolean {
  let node: unknown = tree
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return true
}

describe('the page’s message files', () => {
  it('are the shared files without the Node-only groups, everything else as it is', () => {
    for (const locale of ['en', 'zh-Hant', 'zh-Hans']) {
      const whole = messages(locale)
      const page = JSON.parse(pageMessages(JSON.stringify(whole))) as Record<string, unknown>
      const kept = Object.fromEntries(
        Object.entries(whole).filter(([group]) => !(NODE_ONLY_MESSAGE_GROUPS as readonly string[]).includes(group)),
      )
      expect(page).toEqual(kept)
      for (const group of NODE_ONLY_MESSAGE_GROUPS) expect(whole).toHaveProperty(group)
    }
  })

  it('leave out nothing the page shows', () => {
    const en = messages('en')
    const named: string[] = []
    for (const file of [...sourceFiles(join(ROOT, 'src/renderer/src')), ...sourceFiles(join(ROOT, 'src/shared'))]) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/['"`]([a-zA-Z]+(?:\.[a-zA-Z]+)+)/g)) {
        const group = (key as string).split('.')[0] as string
        // A service method (report.brief) is not a message, even where a group has its name.
        if ((METHOD_NAMES as readonly string[]).includes(key as string)) continue
        if ((NODE_ONLY_MESSAGE_GROUPS as readonly string[]).includes(group) && isMessagePath(en, key as string))
          named.push(`${file}: ${key}`)
      }
    }
    expect(named).toEqual([])
  })
})
