import type { Theme } from '../../../shared/ipc-contract'
import type { ChannelRange } from './colour'

export interface Palette {
  background: ChannelRange
  texture: ChannelRange
  /** Characters and noise. */
  ink: ChannelRange
  /** Which way to push an ink colour that misses the contrast target. */
  inkTowards: 'dark' | 'light'
  /** Which channel bound of the background colours is the worst case for the ink. */
  worstBackground: 'min' | 'max'
}

/**
 * The ranges are wide enough for the seed's "random colours" look and narrow enough that a 4.5:1 ink
 * almost always comes out of the first draw: texture starts a little darker (lighter) than the base.
 */
export const PALETTES: Readonly<Record<Theme, Palette>> = {
  light: {
    background: { min: 200, max: 255 },
    texture: { min: 185, max: 250 },
    ink: { min: 0, max: 135 },
    inkTowards: 'dark',
    worstBackground: 'min'
  },
  dark: {
    background: { min: 10, max: 46 },
    texture: { min: 18, max: 62 },
    ink: { min: 145, max: 255 },
    inkTowards: 'light',
    worstBackground: 'max'
  }
}
