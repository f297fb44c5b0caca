// What the "team-store" test project's globalSetup (team-store-setup.ts) provides to the tests.
export {}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test server's superuser connection string. */
    teamServerUrl: string
  }
}
