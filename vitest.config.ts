import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // scrypt and PNG encoding run on libuv's pool; parallel files on 2 cores only fight over it.
    fileParallelism: true,
    testTimeout: 20_000
  }
})
