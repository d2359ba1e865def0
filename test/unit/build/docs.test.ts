import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The README is the map and docs/ the detail: the map stays short and neither points at a path that is gone.
const root = join(__dirname, '../../..')
const README_MAX_LINES = 200
const pages = ['README.md', ...readdirSync(join(root, 'docs')).flatMap((name) => (name.endsWith('.md') ? [`docs/${name}`] : []))]

describe('README and docs/', () => {
  it(`the README stays at most ${README_MAX_LINES} lines`, () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(README_MAX_LINES)
  })

  it('names only source paths and images that exist', () => {
    const missing: string[] = []
    let checked = 0
    for (const page of pages) {
      const text = readFileSync(join(root, page), 'utf8')
      const named = [...text.matchAll(/`((?:src|test|scripts|resources)\/[^`*]*)`/g)].map((match) => match[1]!)
      const images = [...text.matchAll(/\]\(([^)#]+\.(?:png|svg|jpg))\)/g)].map((match) => join(dirname(page), match[1]!))
      checked += named.length + images.length
      missing.push(...[...named, ...images].filter((path) => !existsSync(join(root, path))).map((path) => `${page}: ${path}`))
    }
    expect(checked).toBeGreaterThan(20)
    expect(missing).toEqual([])
  })
})
