import { defineConfig } from 'vitest/config'

export default defineConfig({
  // What electron.vite.config.ts replaces in production builds, for tests that import the shell's entry.
  define: { __E2E_HOOKS__: 'false', __DEV_BUILD__: 'false' },
  test: {
    // The app's tests, and apart from them the tests of the project's own scripts (benches, list builders).
    include: ['test/unit/**/*.test.ts', 'test/scripts/**/*.test.ts'],
    environment: 'node',
    // Files share libuv's pool (scrypt, PNG encoding), so a test that compares timings measures both sides in
    // one file, under the same load; no test asserts a duration, so parallel files cost nothing but contention.
    fileParallelism: true,
    // A guard against hangs, not a speed target: CI shares two cores with other work.
    testTimeout: 60_000
  }
})
