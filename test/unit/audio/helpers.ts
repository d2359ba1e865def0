import { audioClipsDir, loadClipLibrary, type Composition } from '../../../src/main/core/audio'
import { energy } from '../../../src/main/core/audio/dsp'
import { RESOURCES_DIR } from '../../support/core'

export const CLIPS = loadClipLibrary(audioClipsDir(RESOURCES_DIR))

/** Each spoken digit's signal-to-noise ratio in dB, measured on the two parts of the mix at their mixed levels. */
export function segmentSnrDb(composition: Composition): number[] {
  const { speech, noise, speechGain, noiseGain } = composition
  return composition.schedule.map(
    ({ start, end }) => 10 * Math.log10((energy(speech, start, end) * speechGain ** 2) / (energy(noise, start, end) * noiseGain ** 2))
  )
}
