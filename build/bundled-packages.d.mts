import type { Plugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';
export const bundledPackages: readonly string[];
export function packageOf(specifier: string): string | null;
export const bundledPackagesPlugin: Plugin;
export function commonJsDependencies(): string[];
export const requiredPackagesVitePlugin: VitePlugin;
export const leanOutputPlugin: Plugin;
