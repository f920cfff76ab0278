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

/** Runs `ricochet` as its own process, as a person (or cron) would: another process on the same files. */
export async function cliProcess(...argv: string[]) {
  const { execFile } = await import('node:child_process');
  const bin = new URL('../../bin/ricochet.mjs', import.meta.url).pathname;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [bin, ...argv], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** `ricochet login` with an invite, into a profile; returns what the CLI said. */
export function loginWithInvite(server: string, code: string, name: string, profile: string) {
  const email = `${name.toLowerCase()}@acme.test`;
  return cli(
    'login',
    '--server',
    server,
    '--invite',
    code,
    '--name',
    name,
    '--email',
    email,
    '--profile',
    profile,
  );
}
