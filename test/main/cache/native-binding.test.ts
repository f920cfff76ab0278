import { describe, expect, it } from 'vitest';
import { chooseNativeBinding } from '../../../main/cache/native-binding';

describe('which better-sqlite3 binary loads', () => {
  const facts = (electron: string | undefined, present: string[], resourcesPath?: string) => ({
    versions: { modules: electron ? '140' : '115', ...(electron ? { electron } : {}) },
    appRoot: '/src/ricochet',
    resourcesPath,
    exists: (path: string) => present.includes(path),
  });

  it("Node (the CLI, the browser mode, tests) uses npm's own build", () => {
    expect(chooseNativeBinding(facts(undefined, []))).toBeUndefined();
  });

  it('Electron loads the copy built for its ABI: packaged resources first, then the project', () => {
    expect(chooseNativeBinding(facts('41.7.1', ['/src/ricochet/native/abi-140/better_sqlite3.node']))).toBe(
      '/src/ricochet/native/abi-140/better_sqlite3.node',
    );
    expect(
      chooseNativeBinding(
        facts('41.7.1', ['/app/resources/native/abi-140/better_sqlite3.node'], '/app/resources'),
      ),
    ).toBe('/app/resources/native/abi-140/better_sqlite3.node');
  });

  it('says how to build it when Electron has none', () => {
    expect(() => chooseNativeBinding(facts('41.7.1', []))).toThrow('npm run electron:setup');
  });
});
