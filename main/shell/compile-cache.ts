import { join } from 'node:path';

/** What Node's `node:module` offers for the compile cache from 22.1 (Electron 41 runs Node 24). */
export interface CompileCacheRuntime {
  enableCompileCache?: (directory: string) => { status: number; message?: string; directory?: string };
}

/**
 * Turns on V8's compile cache in the profile before the app's code loads: later launches read
 * compiled code instead of compiling it again (docs/benchmarks.md, "at rest"). Node keys entries
 * by the code's hash, so an update writes its own. Where the runtime has no cache (Node 20) or
 * refuses it (a read-only profile), the app starts the same.
 */
export function useCompileCache(runtime: CompileCacheRuntime, profileDir: string): void {
  runtime.enableCompileCache?.(join(profileDir, 'compile-cache'));
}
