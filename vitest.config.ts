import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Files share libuv's pool (scrypt, PNG encoding), so a test that compares timings measures both sides in
    // one file, under the same load; no test asserts a duration, so parallel files cost nothing but contention.
    fileParallelism: true,
    testTimeout: 20_000
  }
})
