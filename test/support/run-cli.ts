import { runCli } from '../../main/cli/cli';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    env: process.env,
  });
  return { code, stdout, stderr };
}
