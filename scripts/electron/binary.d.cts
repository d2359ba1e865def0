export declare const ELECTRON_VERSION: string
export declare function locateElectronBinary(env?: NodeJS.ProcessEnv): string | null
export type ElectronBinary = { ok: true; path: string; fetched: boolean } | { ok: false; headline: string }
export declare function ensureElectronBinary(env?: NodeJS.ProcessEnv, log?: (line: string) => void): Promise<ElectronBinary>
