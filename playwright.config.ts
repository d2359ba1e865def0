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
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  projects: [
    { name: 'browser', use: { driver: 'browser' } },
    { name: 'electron', use: { driver: 'electron' } }
  ]
})
