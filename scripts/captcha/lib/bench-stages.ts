import { createCanvas } from '@napi-rs/canvas'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { constants } from 'node:zlib'
import type { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import type { CaptchaPlan } from '../../../src/main/core/captcha/plan'
import type { PngSettings } from '../../../src/main/core/captcha/png'
import { COMPACT_PNG, DEFAULT_PNG, encodePng } from '../../../src/main/core/captcha/png'
import type { Layers } from '../../../src/main/core/captcha/render'
import { ALL_LAYERS, pixelSize, renderPlan } from '../../../src/main/core/captcha/render'
import { median } from './stats'

/** Median microseconds per captcha for each stage of the app's pipeline, in order. */
export interface StageTimes {
  stages: [string, number][]
  /** The drawing stage again, one layer at a time on the same plans. */
  layers: [string, number][]
}

const LAYERS: [string, Layers][] = [
  ['nothing drawn (the reused buffer cleared)', { background: false, glyphs: false, noise: false }],
  ['background: flat fill + texture blotches (fill.ts)', { background: true, glyphs: false, noise: false }],
  ['glyphs: outlines filled (fill.ts)', { background: false, glyphs: true, noise: false }],
  ['noise: strokes and specks stamped (noise.ts)', { background: false, glyphs: false, noise: true }]
]

const WARM_UP = 1000

function pixelCount(generator: CaptchaGenerator, scale: number): number {
  const { width, height } = pixelSize(generator.options, scale)
  return width * height
}

/** Where one captcha's time goes: the app's own steps, timed one by one on fresh captchas. */
export async function measureStages(generator: CaptchaGenerator, scale: number, count: number): Promise<StageTimes> {
  const plan: number[] = []
  const draw: number[] = []
  const encode: number[] = []
  const layers = LAYERS.map((): number[] => [])
  const plans: CaptchaPlan[] = []
  // One pixel buffer for all, as the generator keeps.
  const canvas = new Uint32Array(pixelCount(generator, scale))
  // Warmed up as the one-core rounds are: cold, the first few hundred ran before V8 optimised them, and
  // the table added up to more than the whole captcha in the rows above it.
  for (let i = 0; i < WARM_UP; i++) {
    const drawn = renderPlan(generator.plan(generator.challenge()), scale, ALL_LAYERS, canvas)
    encodePng(drawn.data, drawn.width, drawn.height)
  }
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    const p = generator.plan(generator.challenge())
    const t1 = performance.now()
    const drawn = renderPlan(p, scale, ALL_LAYERS, canvas)
    const t2 = performance.now()
    encodePng(drawn.data, drawn.width, drawn.height)
    const t3 = performance.now()
    plan.push(t1 - t0)
    draw.push(t2 - t1)
    encode.push(t3 - t2)
    plans.push(p)
    // As in the app, each captcha in its own event-loop turn.
    await nextTurn()
  }
  // A second pass over the same plans, so the extra drawings do not add garbage between the timings above.
  for (const p of plans) {
    for (const [j, [, only]] of LAYERS.entries()) {
      const start = performance.now()
      renderPlan(p, scale, only, canvas)
      layers[j]!.push(performance.now() - start)
    }
    await nextTurn()
  }
  return {
    stages: [
      ['challenge + layout plan (JS)', median(plan) * 1000],
      ['drawing: background, glyphs and noise, in JS into one reused buffer', median(draw) * 1000],
      ['PNG: RGB rows + Adler-32 in one pass, stored blocks, chunks', median(encode) * 1000]
    ],
    layers: LAYERS.map(([name], j) => [name, median(layers[j]!) * 1000])
  }
}

export interface EncoderResult {
  name: string
  microseconds: number
  bytes: number
}

const CANDIDATES: [string, PngSettings][] = [
  ['ours: stored (level 0), written straight from the pixels (default)', DEFAULT_PNG],
  ['ours: level 1, Sub filter, RLE (COMPACT_PNG)', COMPACT_PNG],
  ['ours: level 1, Up filter, RLE', { ...COMPACT_PNG, filter: 'up' }],
  ['ours: level 1, no filter, default strategy', { level: 1, filter: 'none', strategy: constants.Z_DEFAULT_STRATEGY }],
  ['ours: level 1, Sub filter, Huffman only', { level: 1, filter: 'sub', strategy: constants.Z_HUFFMAN_ONLY }],
  ['ours: level 6, Sub filter, default strategy', { level: 6, filter: 'sub', strategy: constants.Z_DEFAULT_STRATEGY }]
]

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length

/**
 * The same final pixels through Skia's PNG encoder (no settings exposed; it does its own read-back) and
 * through ours, stored or with several zlib settings: mean time per image with garbage collection
 * included, on the calling thread so thread hand-offs do not blur the comparison, and file size.
 */
export function compareEncoders(generator: CaptchaGenerator, scale: number, count: number): EncoderResult[] {
  const width = Math.round(generator.options.width * scale)
  const height = Math.round(generator.options.height * scale)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const images = Array.from({ length: count }, () => renderPlan(generator.plan(generator.challenge()), scale).data)
  const results: EncoderResult[] = []
  const skiaTimes: number[] = []
  const skiaBytes: number[] = []
  for (const pixels of images) {
    const imageData = ctx.createImageData(width, height)
    imageData.data.set(pixels)
    ctx.putImageData(imageData, 0, 0)
    const start = performance.now()
    const png = canvas.encodeSync('png')
    skiaTimes.push(performance.now() - start)
    skiaBytes.push(png.length)
  }
  results.push({ name: "Skia canvas.encodeSync('png')", microseconds: mean(skiaTimes) * 1000, bytes: median(skiaBytes) })
  // The compressed settings reuse one scanline buffer, as the generator does for them.
  const rows = Buffer.allocUnsafeSlow((width * 3 + 1) * height)
  for (const [name, settings] of CANDIDATES) {
    const times: number[] = []
    const bytes: number[] = []
    for (const pixels of images) {
      const start = performance.now()
      const png = encodePng(pixels, width, height, settings, rows)
      times.push(performance.now() - start)
      bytes.push(png.length)
    }
    results.push({ name, microseconds: mean(times) * 1000, bytes: median(bytes) })
  }
  return results
}
