import { join } from 'node:path'
import { CaptchaGenerator } from '../../src/main/core/captcha/generator'
import type { CaptchaKind, CaptchaOptions, CaptchaPreset } from '../../src/main/core/captcha/options'
import { resolveOptions } from '../../src/main/core/captcha/options'
import { captchaFontPaths } from '../../src/main/core/resources'

export const FONT_FILES = captchaFontPaths(join(__dirname, '../../resources'))

const generators = new Map<string, CaptchaGenerator>()

/** One generator per configuration for the whole test file: font registration and metrics are per process. */
export function generatorFor(preset: CaptchaPreset, kind: CaptchaKind = 'text', overrides: Partial<CaptchaOptions> = {}): CaptchaGenerator {
  const key = `${preset}/${kind}/${JSON.stringify(overrides)}`
  let generator = generators.get(key)
  if (generator === undefined) {
    generator = new CaptchaGenerator(resolveOptions(preset, { ...overrides, fontFiles: FONT_FILES }), kind)
    generators.set(key, generator)
  }
  return generator
}
