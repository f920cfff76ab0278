import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';

export interface RuntimeFacts {
  versions: { electron?: string; modules: string };
  /** Electron's resources folder in a packaged app. */
  resourcesPath?: string;
  /** The project folder (where package.json is). */
  appRoot: string;
  exists: (path: string) => boolean;
}

/** Where a better-sqlite3 built for this Electron's ABI lives, relative to a root. */
export const electronBindingFile = (modulesAbi: string) =>
  join('native', `abi-${modulesAbi}`, 'better_sqlite3.node');

/**
 * Which better-sqlite3 binary to load. Node (the CLI, the browser mode, tests) uses the one
 * npm built; Electron has another ABI, so the app loads the copy built for it beside the
 * project (development) or in its resources (packaged), and says how to build it if absent.
 */
export function chooseNativeBinding(facts: RuntimeFacts): string | undefined {
  if (!facts.versions.electron) return undefined;
  const file = electronBindingFile(facts.versions.modules);
  const candidates = [
    ...(facts.resourcesPath ? [join(facts.resourcesPath, file)] : []),
    join(facts.appRoot, file),
  ];
  const found = candidates.find((path) => facts.exists(path));
  if (!found)
    throw new Error(
      `better-sqlite3 is not built for Electron ${facts.versions.electron} (ABI ${facts.versions.modules}): run \`npm run electron:setup\``,
    );
  return found;
}

export const nativeBinding = () =>
  chooseNativeBinding({
    versions: process.versions as RuntimeFacts['versions'],
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
    appRoot: projectRoot(import.meta.dirname),
    exists: existsSync,
  });
