// `npm run test:scale` (issue 14): the tests at a scale too slow for the default suite, run by
// the real command-line process on generated stores of hundreds of megabytes.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/scale/**/*.scale.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // One at a time: each run loads the machine on its own.
    fileParallelism: false,
  },
})
