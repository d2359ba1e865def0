export declare function cannotLaunchMessage(headline: string): string
export declare function electronE2ELine(headline: string, required: boolean): string
export declare const ELECTRON_E2E_MISSING: string
