// The compiled `ricochet` command's entry (out/cli/cli-main.js, built by build/build-cli.mjs).
import { runCli } from './cli';

// The company's proxy and certificates, for every command and the server alike; loaded once a
// command that reaches the network runs, so help and the version start without the core.
process.exitCode = await runCli(process.argv.slice(2), undefined, async (entry) => {
  if (!entry.offline) (await import('../core/index')).useCompanyNetwork();
});
