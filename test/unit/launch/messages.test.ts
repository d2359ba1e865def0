import { describe, expect, it } from 'vitest'
import { cannotLaunchMessage, electronE2ELine } from '../../../scripts/electron/messages.cjs'

const headline = 'Electron 45.4.1 could not be fetched from https://example.invalid/x.zip: getaddrinfo ENOTFOUND example.invalid'

describe('what npm start and npm test say when Electron cannot be had', () => {
  it('npm start: the cause, then the three ways out', () => {
    const lines = cannotLaunchMessage(headline).split('\n')
    expect(lines[0]).toBe(`${headline}.`)
    expect(lines.filter((line) => /^\s+(ELECTRON_MIRROR|electron_config_cache|ELECTRON_OVERRIDE_DIST_PATH)=/.test(line))).toHaveLength(3)
  })

  it('npm test: one line that skips, or fails under ELECTRON_E2E=require', () => {
    const skip = electronE2ELine(headline, false)
    const required = electronE2ELine(headline, true)
    for (const line of [skip, required]) {
      expect(line.split('\n')).toHaveLength(1)
      expect(line).toContain(headline)
    }
    expect(skip).toMatch(/^Electron end-to-end tests skipped: .*ELECTRON_E2E=require to fail instead\.$/)
    expect(required).toMatch(/^Electron end-to-end tests required \(ELECTRON_E2E=require\) but cannot run: /)
  })
})
