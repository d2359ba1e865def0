import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { drawAppIcon } from '../../../scripts/icon/draw-icon'
import { root } from './electron-builder-lib'

async function pixels(png: Buffer, size: number): Promise<Uint8ClampedArray> {
  const canvas = createCanvas(size, size)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(await loadImage(png), 0, 0)
  return ctx.getImageData(0, 0, size, size).data
}

describe('resources/icon.png', () => {
  it('is what scripts/make-icon.ts draws (run `npm run icon` after changing the drawing)', async () => {
    const committed = await pixels(readFileSync(join(root, 'resources/icon.png')), 1024)
    const drawn = await pixels(drawAppIcon(1024).toBuffer('image/png'), 1024)
    // Anti-aliasing may differ by a level between Skia builds; a changed drawing moves far more.
    let differing = 0
    for (let i = 0; i < committed.length; i++) if (Math.abs(committed[i] - drawn[i]) > 8) differing++
    expect(differing / committed.length).toBeLessThan(0.001)
  })

  it('has a transparent margin and an opaque tile, as platform icon grids expect', async () => {
    const data = await pixels(readFileSync(join(root, 'resources/icon.png')), 1024)
    const alphaAt = (x: number, y: number): number => data[(y * 1024 + x) * 4 + 3]
    expect(alphaAt(10, 10)).toBe(0)
    expect(alphaAt(512, 150)).toBe(255)
  })
})
