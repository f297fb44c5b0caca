import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { postgresSkipReason } from './test/helpers/postgres-database.ts'

// The service's contract tests run twice: on the file store (with everything else) and on a team
// database (PostgreSQL from Debian's package, one server for the run: test/helpers/team-store-setup.ts).
// Every service test that opens its store through openTempStore is here, but datasets-review.test.ts,
// which edits the file with node:sqlite behind the store's back.
const CONTRACT_TESTS = [
  'src/core/service/service.test.ts',
  'src/core/service/measure-page.test.ts',
  'src/core/service/notes.test.ts',
  'src/core/service/outcomes.test.ts',
  'src/core/service/stale-changes.test.ts',
  'src/core/service/live-counts.test.ts',
  'src/core/service/progress.test.ts',
  'src/core/service/translations.test.ts',
  'src/core/service/calendar-subscription.test.ts',
  'src/core/service/dataset-feed.test.ts',
  'src/core/service/datasets-revision.test.ts',
  'src/core/service/datasets.test.ts',
  'src/core/service/exchange-limits.test.ts',
  'src/core/service/reminders-rates.test.ts',
  'src/core/service/reminders.test.ts',
  'src/core/calendar-file.test.ts',
]

const teamStoreSkipped = postgresSkipReason()
if (teamStoreSkipped) console.warn(`The team-store tests are skipped: ${teamStoreSkipped}.`)

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'] } },
      ...(teamStoreSkipped
        ? []
        : [
            {
              extends: true,
              test: {
                name: 'team-store',
                include: CONTRACT_TESTS,
                env: { MT_TEST_STORE: 'postgres' },
                globalSetup: ['test/helpers/team-store-setup.ts'],
              },
            },
          ]),
    ],
  },
})
