// The harness transport carries JSON, not structured clones; PNG bytes travel as tagged base64.
// This file runs in both Node (the test) and the page (bundled into page-api.js).

interface TaggedBytes {
  __bytes: string
}

function isTagged(value: unknown): value is TaggedBytes {
  return typeof value === 'object' && value !== null && typeof (value as TaggedBytes).__bytes === 'string'
}

export function encodeBytes(value: unknown, toBase64: (bytes: Uint8Array) => string): unknown {
  if (value instanceof Uint8Array) return { __bytes: toBase64(value) } satisfies TaggedBytes
  if (Array.isArray(value)) return value.map((item) => encodeBytes(item, toBase64))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeBytes(item, toBase64)]))
  }
  return value
}

export function decodeBytes(value: unknown, fromBase64: (text: string) => Uint8Array): unknown {
  if (isTagged(value)) return fromBase64(value.__bytes)
  if (Array.isArray(value)) return value.map((item) => decodeBytes(item, fromBase64))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeBytes(item, fromBase64)]))
  }
  return value
}
