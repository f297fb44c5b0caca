// globalSetup of the "team-store" test project (vitest.config.ts): one PostgreSQL server for the
// whole run, on which openTempStore (temp-store.ts) makes a fresh database per test store, so the
// service's contract tests run against the team database exactly as against a file.
import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres-server.ts'
import './team-store-context.ts'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres()
  project.provide('teamServerUrl', server.url)
  return () => server.stop()
}
