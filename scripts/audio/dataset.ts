import { once } from 'node:events'
import { AudioCaptchaService } from '../../src/main/core/audio'
import type { RandomSource } from '../../src/main/core/captcha/random'
import type { Language } from '../../src/shared/ipc-contract'
import { shippedClips } from './lib/challenges'

/** The CLI's `--kind audio`: one {"text","wav"} JSON line per challenge, the WAV in base64. */
export async function writeAudioDataset(count: number, language: Language, random: RandomSource): Promise<void> {
  let text = ''
  const service = new AudioCaptchaService({ clips: shippedClips(), random, maxEntries: 1, onIssued: (_id, answer) => (text = answer) })
  for (let i = 0; i < count; i++) {
    const { wav } = service.create({ language })
    const line = `${JSON.stringify({ text, wav: Buffer.from(wav).toString('base64') })}\n`
    if (!process.stdout.write(line)) await once(process.stdout, 'drain')
  }
}
