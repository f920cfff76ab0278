import type { Plugin } from 'esbuild';
export const bundledPackages: readonly string[];
export function packageOf(specifier: string): string | null;
export const bundledPackagesPlugin: Plugin;
