export declare function requiredNodeRange(): string
export declare function nodeVersionProblem(found: string, range: string, executable?: string): string | null
