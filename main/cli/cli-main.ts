// The compiled `ricochet` command's entry (out/cli/cli-main.js, built by build/build-cli.mjs).
import { runCli } from './cli';

process.exitCode = await runCli(process.argv.slice(2));
