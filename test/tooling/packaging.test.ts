import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { electronSetupPlan } from '../../build/electron-setup-plan.mjs';
import { signingLine } from '../../build/signing-check.mjs';
import { chooseNativeBinding } from '../../main/cache/native-binding';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// electron-builder reads electron-builder.yml at the root by itself (no --config needed).
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

describe('packaging', () => {
  it('electron-builder is a pinned devDependency; nothing bundled or for development ships', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    for (const dev of ['react', 'react-dom', 'tsx', 'vite', 'vitest'])
      expect(Object.keys(pkg.dependencies)).not.toContain(dev);
    expect(pkg.scripts['dist:linux']).not.toContain('npx');
  });

  it("an install never runs Electron's download: its script is denied, setup fetches it on request", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts['electron:setup']).toBe('node build/electron-setup.mjs');
  });

  it('the app ships the better-sqlite3 built for Electron where the app looks for it, and never rebuilds node_modules', () => {
    expect(builder.npmRebuild).toBe(false);
    const plan = electronSetupPlan({
      root: '/src/ricochet',
      electronVersion: '41.7.1',
      abi: () => '145',
      exists: () => false,
      binaryPresent: () => true,
    });
    expect(plan).toMatchObject({ downloadBinary: false, buildBinding: true });
    // Development: the app loads what setup built.
    const facts = { versions: { electron: '41.7.1', modules: '145' }, appRoot: '/src/ricochet' };
    expect(chooseNativeBinding({ ...facts, exists: (p) => p === plan.bindingPath })).toBe(plan.bindingPath);
    // Packaged: extraResources copy native/ into resources/native/, where the app looks first.
    const [resource] = builder.extraResources;
    expect(resource).toMatchObject({ from: 'native', to: 'native' });
    const packaged = `/opt/Ricochet/resources/native/abi-145/better_sqlite3.node`;
    expect(
      chooseNativeBinding({
        ...facts,
        resourcesPath: '/opt/Ricochet/resources',
        exists: (p) => p === packaged,
      }),
    ).toBe(packaged);
  });

  it('sets Electron fuses: no running as Node, encrypted cookies, asar integrity', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('npm start without the Electron binary says why in one line and opens the browser mode', async () => {
    const child = spawn(
      process.execPath,
      ['bin/start.mjs', '--port', '0', '--profile', mkdtempSync(join(tmpdir(), 'r-'))],
      {
        cwd: root,
        env: { ...process.env },
      },
    );
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in: ${out}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('http://127.0.0.1:')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const [first] = out.split('\n');
    expect(first).toMatch(/^Opening the browser mode: .*npm run electron:setup/);
    // Stopping it stops the browser mode it started: nothing is left serving.
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('installers IT can deploy', () => {
  it('per-machine NSIS and MSI on Windows, universal dmg and zip on macOS, AppImage, deb and rpm on Linux', () => {
    expect(builder.appId).toBe('app.ricochet.desktop');
    expect(builder.win.target).toEqual(['nsis', 'msi']);
    expect(builder.nsis.perMachine).toBe(true);
    expect(builder.msi.perMachine).toBe(true);
    expect(builder.mac.target).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' }, // electron-updater installs from the zip
    ]);
    expect(builder.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it("electron-builder's own schema accepts the configuration (a misspelt option would be refused)", async () => {
    const require = createRequire(join(root, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration(structuredClone(builder), new DebugLogger(false)),
    ).resolves.toBeUndefined();
    const misspelt = { ...structuredClone(builder), mac: { ...builder.mac, hardenedRuntim: true } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.mac/,
    );
  });

  it('publishes for the generic updater the team server serves', () => {
    expect(builder.publish).toMatchObject({ provider: 'generic' });
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });

  it('macOS: hardened runtime with entitlements that exist and allow only what Electron needs', () => {
    expect(builder.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(root, builder.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(builder.mac.entitlementsInherit).toBe(builder.mac.entitlements);
  });

  it('each dist script says first whether it signs, and what to set when it does not', () => {
    for (const platform of ['linux', 'mac', 'win'] as const)
      expect(pkg.scripts[`dist:${platform}`]).toMatch(
        new RegExp(`^node build/signing-check.mjs ${platform} && `),
      );
    expect(signingLine('mac', {})).toMatch(/^Not signing the macOS app: set CSC_LINK/);
    expect(signingLine('mac', { CSC_LINK: 'cert.p12' })).toMatch(/not notarizing it: set APPLE_ID/);
    expect(
      signingLine('mac', {
        CSC_LINK: 'cert.p12',
        APPLE_ID: 'it@acme.test',
        APPLE_APP_SPECIFIC_PASSWORD: 'x',
        APPLE_TEAM_ID: 'T',
      }),
    ).toBe('Signing the macOS app and notarizing it with Apple.');
    expect(signingLine('win', {})).toMatch(/^Not signing the Windows installers: set CSC_LINK/);
    expect(signingLine('win', { CSC_LINK: 'cert.pfx' })).toBe(
      'Signing the Windows installers with CSC_LINK.',
    );
  });
});
