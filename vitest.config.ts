import { defineConfig } from 'vitest/config'

export default defineConfig({
  // What electron.vite.config.ts replaces in production builds, for tests that import the shell's entry.
  define: { __E2E_HOOKS__: 'false', __DEV_BUILD__: 'false' },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // scrypt and PNG encoding run on libuv's pool; parallel files on 2 cores only fight over it.
    fileParallelism: true,
    // A guard against hangs, not a speed target: CI shares two cores with other work.
    testTimeout: 60_000
  }
})
