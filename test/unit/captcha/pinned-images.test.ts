import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { generatorFor } from '../../support/captcha'

/**
 * Speed work on the drawing (fill.ts, noise.ts, plan.ts, png.ts) must not change a pixel: the OCR and
 * solver figures in docs/captcha-strength.md were measured on these very images. The digest covers
 * seeded captchas of every preset, both themes and two scales. Change it only with a change that means to
 * alter the image, and re-run the attackers then.
 */
const PINNED = '018b0f1b7dfa7fb47d921151f135dfc437e1282fa78c5580b2783c298b8a2947'

describe('seeded captchas', () => {
  it('are the images the attackers were measured on, byte for byte', async () => {
    const digest = createHash('sha256')
    for (const preset of ['easy', 'normal', 'hard'] as const) {
      const generator = generatorFor(preset)
      for (const theme of ['light', 'dark'] as const) {
        for (const scale of [1, 2]) {
          for (let seed = 0; seed < 5; seed++) {
            const captcha = await generator.generate({ scale, theme }, seededRandom(seed))
            digest.update(captcha.answer).update(captcha.png)
          }
        }
      }
    }
    expect(digest.digest('hex')).toBe(PINNED)
  })
})
