import { defineConfig } from '@playwright/test'
import type { Driver } from './test/e2e/fixtures'

// One set of spec files, two drivers: the built renderer in Chromium wired to the real main-process
// modules, and the real Electron app. The fixture in test/e2e/fixtures.ts hides which one runs.
export default defineConfig<object, { driver: Driver }>({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: '.test-output/playwright',
  fullyParallel: true,
  workers: 2,
  // Hang detectors, not speed checks: on a 2-core CI machine two workers, their Chromiums and scrypt
  // share the cores, and a spec with four axe passes has taken over 30 s there.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  projects: [
    { name: 'browser', use: { driver: 'browser' } },
    { name: 'electron', use: { driver: 'electron' } }
  ]
})
