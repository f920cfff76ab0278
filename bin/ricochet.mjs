#!/usr/bin/env node
// The `ricochet` command. It runs the TypeScript sources through tsx so that the CLI, the
// tests and the app share one copy of the code with no build step in between.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
