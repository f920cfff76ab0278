import { rendererDir } from '../../main/cli/commands/web-command';
import buildCli from '../support/build-cli-setup';

/** The browser mode serves the built renderer: build it once, fresh, for this run. */
export default async function globalSetup() {
  buildCli();
  await rendererDir(true);
}
