import buildCli from '../support/build-cli-setup';

/** The browser mode serves the built renderer and the compiled CLI: build both once, fresh. */
export default async function globalSetup() {
  await buildCli();
}
