import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { audioClipsDir, loadClipLibrary } from '../../../src/main/core/audio'
import { commonPasswordsFile, loadCommonPasswords } from '../../../src/main/core/accounts/common-passwords'
import { appIconPath, captchaFontPaths, resolveResourcesDir } from '../../../src/main/core/resources'
import { tempDir } from '../../support/temp-dir'
import { type Configuration, asarUnpackMatcher, loadBuilderConfig, packagedProjectFiles, root } from './electron-builder-lib'

const ttfInResources = readdirSync(join(root, 'resources/fonts'))
  .filter((name) => name.endsWith('.ttf'))
  .sort()

describe('resolveResourcesDir', () => {
  it('uses <app path>/resources in dev and preview (the app path is the project root)', () => {
    const dir = resolveResourcesDir({ isPackaged: false, appPath: '/home/me/login-app', resourcesPath: '/opt/electron/resources' })
    expect(dir).toBe(join('/home/me/login-app', 'resources'))
  })

  it('uses the unpacked copy next to app.asar when packaged, never a path inside the archive', () => {
    const dir = resolveResourcesDir({
      isPackaged: true,
      appPath: '/opt/Captcha Login/resources/app.asar',
      resourcesPath: '/opt/Captcha Login/resources'
    })
    expect(dir).toBe(join('/opt/Captcha Login/resources', 'app.asar.unpacked', 'resources'))
    expect(dir.split(/[\\/]/)).not.toContain('app.asar')
  })

  it('puts the icon at <resources>/icon.png', () => {
    expect(appIconPath('/r')).toBe(join('/r', 'icon.png'))
  })
})

describe('the font and icon exist where the resolver looks', () => {
  it('in a dev or preview run (the project itself)', () => {
    const dir = resolveResourcesDir({ isPackaged: false, appPath: root, resourcesPath: '/nonexistent' })
    expect(captchaFontPaths(dir).map((file) => relative(join(dir, 'fonts'), file))).toEqual(ttfInResources)
    expect(ttfInResources.length).toBeGreaterThan(0)
    expect(existsSync(appIconPath(dir))).toBe(true)
  })

  describe('in a packaged app laid out by electron-builder.yml (files + asarUnpack)', () => {
    let config: Configuration
    let temp: ReturnType<typeof tempDir>
    beforeAll(async () => {
      config = await loadBuilderConfig()
      temp = tempDir('login-app-packaged-')
    })
    afterAll(() => temp.remove())

    /** Copies what electron-builder would put in app.asar.unpacked into <resourcesPath>/app.asar.unpacked. */
    function layOutUnpacked(builderConfig: Configuration, resourcesPath: string): void {
      const isUnpacked = asarUnpackMatcher(builderConfig)
      for (const file of packagedProjectFiles(builderConfig).filter(isUnpacked)) {
        const target = join(resourcesPath, 'app.asar.unpacked', file)
        mkdirSync(dirname(target), { recursive: true })
        copyFileSync(join(root, file), target)
      }
    }

    it('finds every font and the icon outside the archive', async () => {
      const resourcesPath = join(temp.path, 'with-config', 'resources')
      layOutUnpacked(config, resourcesPath)
      const dir = resolveResourcesDir({ isPackaged: true, appPath: join(resourcesPath, 'app.asar'), resourcesPath })
      expect(captchaFontPaths(dir).map((file) => relative(join(dir, 'fonts'), file))).toEqual(ttfInResources)
      expect(existsSync(appIconPath(dir))).toBe(true)
      // The spoken captcha's clips and their licence ship the same way.
      expect(loadClipLibrary(audioClipsDir(dir)).en.sampleRate).toBe(16_000)
      expect(existsSync(join(audioClipsDir(dir), 'LICENSE-audio.txt'))).toBe(true)
      // The common-password list ships too: sign-up fails closed without it.
      expect((await loadCommonPasswords(commonPasswordsFile(dir))).has('iloveyou')).toBe(true)
    })

    it('would find neither without the resources/** unpack rule (what this check guards)', () => {
      const resourcesPath = join(temp.path, 'without-rule', 'resources')
      mkdirSync(resourcesPath, { recursive: true })
      const withoutRule = { ...config, asarUnpack: (config.asarUnpack as string[]).filter((p) => !p.startsWith('resources')) }
      layOutUnpacked(withoutRule, resourcesPath)
      const dir = resolveResourcesDir({ isPackaged: true, appPath: join(resourcesPath, 'app.asar'), resourcesPath })
      expect(existsSync(join(dir, 'fonts'))).toBe(false)
      expect(existsSync(appIconPath(dir))).toBe(false)
    })
  })
})
