// The package ships its types as `index.ts.d`, a name TypeScript never looks for: the one function used here.
declare module 'unicode-confusables' {
  /** Replaces each code point listed in UTS #39's confusables.txt by its prototype. */
  export function rectifyConfusion(input: string): string
}
