// The layering table: what each folder may import. eslint.config.js enforces it through
// build/layering-rule.mjs; test/tooling/layering-lint.test.ts tests each line.

/**
 * Each folder: the project folders (or single entry files) it may import, whether it may use
 * Node's built-ins, the packages it may use, and why the line is drawn where it is. The most
 * specific folder's line applies.
 */
export const layers = {
  shared: {
    imports: ['shared'],
    packages: ['zod', 'unicode-confusables'],
    why: 'shared/ is pure and runs everywhere: it imports only shared/ and its data libraries; keep node:* out (move the code to main/ or server/).',
  },
  preload: {
    imports: ['shared'],
    packages: ['electron'],
    why: 'preload/ builds the window API from the IPC contract (shared/) only.',
  },
  renderer: {
    imports: ['renderer', 'shared'],
    packages: ['react', 'react-dom', '@tanstack/react-virtual'],
    why: 'The renderer runs sandboxed and talks to the core through the IPC contract (shared/).',
  },
  server: {
    imports: ['server', 'shared'],
    node: true,
    packages: [
      'fastify',
      '@fastify/*',
      'fastify-type-provider-zod',
      'kysely',
      'pg',
      'better-sqlite3',
      'openid-client',
      'sirv',
      'ws',
      'zod',
    ],
    why: 'The team server stands alone: it may not import the desktop.',
  },
  'main/project-root.ts': {
    imports: [],
    node: true,
    why: 'Where the project lies on disk, for the CLI and the native binding.',
  },
  'main/network': {
    imports: ['main/network'],
    node: true,
    packages: ['undici', 'proxy-from-env', 'https-proxy-agent'],
    why: 'The company network is the lowest desktop layer: pass what it needs in.',
  },
  'main/profile': {
    imports: ['main/profile', 'shared'],
    node: true,
    packages: ['electron-log', 'zod'],
    why: 'The profile (settings, secrets, log) is under the core: pass what it needs in.',
  },
  'main/cache': {
    imports: ['main/cache', 'main/profile', 'main/project-root.ts', 'shared'],
    node: true,
    packages: ['better-sqlite3', 'zod'],
    why: 'The cache is what sync fills: it knows the wire (shared/protocol), never the sync client or the core.',
  },
  'main/calendar': {
    imports: ['main/calendar', 'main/network', 'shared'],
    node: true,
    packages: ['ical.js', 'tsdav', '@azure/msal-node', 'oauth4webapi', 'windows-iana', 'zod'],
    why: 'Calendar reading is under the core: pass what it needs in instead of importing the core.',
  },
  'main/sync': {
    imports: ['main/sync', 'main/cache', 'main/network', 'shared'],
    node: true,
    packages: ['ws', 'zod'],
    why: 'The sync client is under the core: pass what it needs in instead of importing the core.',
  },
  'main/publisher': {
    imports: ['main/publisher', 'main/cache', 'main/calendar', 'shared'],
    node: true,
    packages: ['uuid'],
    why: 'The publisher is under the core: pass what it needs in instead of importing the core.',
  },
  'main/core': {
    imports: [
      'main/core',
      'main/cache',
      'main/calendar',
      'main/network',
      'main/profile',
      'main/publisher',
      'main/sync',
      'shared',
    ],
    node: true,
    packages: ['uuid'],
    why: 'The core may not depend on a front end, the session, the Electron shell or the team server; pass values in instead.',
  },
  'main/host': {
    imports: [
      'main/host',
      'main/core',
      'main/cache',
      'main/publisher',
      'main/sync',
      'shared',
      'server/index.ts',
    ],
    node: true,
    packages: ['uuid'],
    why: "main/host runs a team inside the app, through the server's one public entry (server/index.ts).",
  },
  'main/session': {
    imports: ['main/session', 'main/core/index.ts', 'main/host', 'shared'],
    node: true,
    why: 'The session wires the core through its one door (main/core/index.ts) and never a front end.',
  },
  'main/web': {
    imports: ['main/web', 'main/core/index.ts', 'shared'],
    node: true,
    packages: ['sirv', 'ws'],
    why: 'A front end reaches the core through main/core/index.ts only.',
  },
  'main/cli': {
    imports: [
      'main/cli',
      'main/core/index.ts',
      'main/session',
      'main/web',
      'main/project-root.ts',
      'server/index.ts',
      'shared',
    ],
    node: true,
    why: 'A front end reaches the core through main/core/index.ts only, and the team server through server/index.ts.',
  },
  'main/shell': {
    imports: ['main/shell', 'main/core/index.ts', 'main/core/first-glance.ts', 'main/session', 'shared'],
    node: true,
    packages: ['electron', 'electron-store', 'electron-updater'],
    why: "The Electron shell reaches the core through main/core/index.ts only (and the tray's first glance at launch, before the core loads, through main/core/first-glance.ts); only it and preload/ import electron.",
  },
};
