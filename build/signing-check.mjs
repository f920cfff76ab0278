#!/usr/bin/env node
// `npm run dist:*` first says, in one line, whether the installers will be signed: electron-builder
// reads the standard variables itself and otherwise builds unsigned, which IT must know.
import { pathToFileURL } from 'node:url';

/** The line to print for a platform ('mac' | 'win' | 'linux') and the environment. */
export function signingLine(platform, env) {
  const has = (...names) => names.every((name) => !!env[name]);
  if (platform === 'linux') return 'Linux packages are not code-signed (AppImage, deb and rpm).';
  if (platform === 'win')
    return has('CSC_LINK') || has('WIN_CSC_LINK')
      ? 'Signing the Windows installers with CSC_LINK.'
      : 'Not signing the Windows installers: set CSC_LINK (a .pfx) and CSC_KEY_PASSWORD to sign them.';
  const signing = has('CSC_LINK') || has('CSC_NAME');
  const notarizing = has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') || has('APPLE_API_KEY');
  if (!signing)
    return 'Not signing the macOS app: set CSC_LINK and CSC_KEY_PASSWORD (or CSC_NAME) to sign it, and APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID to notarize it.';
  return notarizing
    ? 'Signing the macOS app and notarizing it with Apple.'
    : 'Signing the macOS app, not notarizing it: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID.';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.stdout.write(`${signingLine(process.argv[2] ?? 'linux', process.env)}\n`);
