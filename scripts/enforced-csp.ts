// The Content-Security-Policy measure-tracker://app/ enforces, read from the scheme handler's own
// answers over a built renderer folder (as src/main/app.ts wires it for the packaged app): the
// header of every file's response, and the <meta> tags of the index page it serves. Used by the
// Electronegativity gate (scripts/electronegativity.ts), so the gate judges what a page on the
// scheme would get, not a string in the source.
import { existsSync, readdirSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createAppProtocolHandler } from '../src/main/app-protocol.ts'
import { APP_INDEX_URL, APP_ORIGIN } from '../src/main/app-scheme.ts'
import { metaPolicies, strictPolicyProblems } from '../src/main/csp-check.ts'
import { contentSecurityPolicy } from '../src/main/csp.ts'

export interface EnforcedPolicies {
  /** Why the scheme's policy is not the strict one (empty when it is). */
  problems: string[]
  /** [where it was read, the policy] for each distinct policy delivered. */
  policies: [string, string][]
}

/** Every file below `dir`, as a relative path ('assets/index-x.js'); dotfiles are left out (the scheme refuses them). */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return []
    return entry.isDirectory() ? filesBelow(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  })
}

export async function enforcedPolicies(rendererDir: string, policy = contentSecurityPolicy()): Promise<EnforcedPolicies> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    return {
      problems: [
        `${join(rendererDir, 'index.html')} is missing: run \`npm run build\` first, so the policy the app scheme serves can be checked`,
      ],
      policies: [],
    }
  }
  const handle = createAppProtocolHandler({ root: rendererDir, policy, fs: { readFile, realpath, stat } })
  const problems: string[] = []
  const byPolicy = new Map<string, string[]>()
  for (const file of filesBelow(rendererDir)) {
    const url = `${APP_ORIGIN}/${file.split('/').map(encodeURIComponent).join('/')}`
    const response = await handle({ url, method: 'GET' })
    const header = response.headers.get('content-security-policy')
    if (response.status !== 200) problems.push(`${url}: the app scheme answered ${response.status}`)
    if (!header) problems.push(`${url}: served without a Content-Security-Policy header`)
    else byPolicy.set(header, [...(byPolicy.get(header) ?? []), file])
  }
  const metas = metaPolicies(await (await handle({ url: APP_INDEX_URL, method: 'GET' })).text())
  if (metas.length !== 1)
    problems.push(
      `${APP_INDEX_URL} has ${metas.length} Content-Security-Policy <meta> tags; it must have exactly one (the policy that applies without the header)`,
    )
  const policies: [string, string][] = [
    ...[...byPolicy].map(([text, files]): [string, string] => [
      `header of ${files.length === 1 ? `${APP_ORIGIN}/${files[0]}` : `${files.length} files on ${APP_ORIGIN}/`}`,
      text,
    ]),
    ...metas.map((text): [string, string] => [`<meta> tag of ${APP_INDEX_URL}`, text]),
  ]
  for (const [label, text] of policies) {
    for (const problem of strictPolicyProblems(text, label.startsWith('<meta>') ? 'meta' : 'header'))
      problems.push(`${label}: not the strict policy: ${problem}`)
  }
  return { problems, policies }
}
