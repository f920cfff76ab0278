// The Electron app's entry: it chooses the profile, turns on the compile cache there, and only
// then loads the app (index.ts), whose code the cache is for.
import nodeModule from 'node:module';
import { app } from 'electron';
import { useCompileCache, type CompileCacheRuntime } from './compile-cache';

// Tests and portable setups choose the profile folder (before Electron is ready, as it must be).
if (process.env['RICOCHET_PROFILE']) app.setPath('userData', process.env['RICOCHET_PROFILE']);
// @types/node 20 does not know the API yet: the runtime may have it (Electron's Node 24 does).
useCompileCache(nodeModule as CompileCacheRuntime, app.getPath('userData'));
await import('./index');
