import { rendererDir } from '../../main/cli/commands/web-command';

/** The browser mode serves the built renderer: build it once, fresh, for this run. */
export default async function globalSetup() {
  await rendererDir(true);
}
