// The compiled `ricochet` command's entry (out/cli/cli-main.js, built by build/build-cli.mjs).
import { useCompanyNetwork } from '../core/index';
import { runCli } from './cli';

// The company's proxy and certificates, for every command and the server alike.
useCompanyNetwork();
process.exitCode = await runCli(process.argv.slice(2));
