// Cutting a challenge into spoken digits at its pauses, as a bot author would: a 10 ms energy envelope,
// and the threshold between the noise and the loudest frame that yields the number of digits expected.

export interface Segment {
  start: number
  end: number
}

const HOP = 160
const MIN_SEGMENT_FRAMES = 8 // 80 ms
const MERGE_GAP_FRAMES = 6 // 60 ms: the stop in "six" or "eight" is not a pause

function envelopeDb(samples: Float32Array): Float64Array {
  const frames = Math.floor(samples.length / HOP)
  const db = new Float64Array(frames)
  for (let f = 0; f < frames; f++) {
    let sum = 0
    for (let i = f * HOP; i < (f + 1) * HOP; i++) sum += samples[i]! * samples[i]!
    db[f] = 10 * Math.log10(sum / HOP + 1e-12)
  }
  // A 50 ms moving average: syllable-scale loudness, not pitch periods.
  const smooth = new Float64Array(frames)
  for (let f = 0; f < frames; f++) {
    let sum = 0
    let n = 0
    for (let g = Math.max(0, f - 2); g <= Math.min(frames - 1, f + 2); g++, n++) sum += db[g]!
    smooth[f] = sum / n
  }
  return smooth
}

function segmentsAbove(db: Float64Array, threshold: number): Segment[] {
  const segments: Segment[] = []
  let start = -1
  for (let f = 0; f <= db.length; f++) {
    const loud = f < db.length && db[f]! > threshold
    if (loud && start < 0) start = f
    if (!loud && start >= 0) {
      const last = segments.at(-1)
      if (last && start - last.end <= MERGE_GAP_FRAMES) last.end = f
      else segments.push({ start, end: f })
      start = -1
    }
  }
  return segments.filter(({ start: s, end }) => end - s >= MIN_SEGMENT_FRAMES)
}

/**
 * The `count` segments (in sample offsets) found at the lowest threshold that gives the expected count
 * (or the count closest to it); if that is more, the loudest are kept, if fewer, the longest are split in half.
 */
export function segmentDigits(samples: Float32Array, count: number): Segment[] {
  const db = envelopeDb(samples)
  const top = Math.max(...db)
  // From the lowest threshold up: the first that separates `count` pieces keeps each word whole.
  let best: Segment[] = []
  for (let drop = 45; drop >= 1; drop -= 0.5) {
    const found = segmentsAbove(db, top - drop)
    if (best.length === 0 || Math.abs(found.length - count) < Math.abs(best.length - count)) best = found
    if (found.length === count) break
  }
  const loudness = (s: Segment) => db.subarray(s.start, s.end).reduce((a, b) => a + b, 0) / (s.end - s.start)
  while (best.length > count) {
    const quietest = best.reduce((q, s) => (loudness(s) < loudness(q) ? s : q))
    best = best.filter((s) => s !== quietest)
  }
  while (best.length < count && best.length > 0) {
    const longest = best.reduce((l, s) => (s.end - s.start > l.end - l.start ? s : l))
    const middle = (longest.start + longest.end) >> 1
    best = best.flatMap((s) =>
      s === longest
        ? [
            { start: s.start, end: middle },
            { start: middle, end: s.end }
          ]
        : [s]
    )
  }
  return best.map(({ start, end }) => ({ start: start * HOP, end: Math.min(samples.length, end * HOP) }))
}
