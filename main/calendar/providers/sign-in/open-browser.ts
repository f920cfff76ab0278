/** How a sign-in shows its page: the system browser, or what the shell or a test passes in. */
export type OpenBrowser = (url: string) => Promise<void>;

/**
 * The system browser, as other command-line tools find it: `$BROWSER` first (a list separated
 * by ":", each a command where %s is the address, else the address is added at the end), then
 * the platform's opener. The page is opened, not waited for.
 */
export function systemBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): OpenBrowser {
  return async (url) => {
    const listed = (env['BROWSER'] ?? '').split(':').filter((c) => c.trim());
    const commands: [string, string[]][] = listed.map((line) => {
      const [command = '', ...args] = line.trim().split(/\s+/);
      return [
        command,
        args.some((a) => a.includes('%s')) ? args.map((a) => a.replaceAll('%s', url)) : [...args, url],
      ];
    });
    if (commands.length === 0)
      commands.push(
        platform === 'darwin'
          ? ['open', [url]]
          : platform === 'win32'
            ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
            : ['xdg-open', [url]],
      );
    const problems: string[] = [];
    // Loaded on a sign-in: child_process brings dgram, dns and cluster with it.
    const { spawn } = await import('node:child_process');
    for (const [command, args] of commands) {
      const started = await new Promise<string | null>((resolve) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true, env });
        child.once('error', (error) => resolve(`${command}: ${error.message}`));
        child.once('spawn', () => {
          child.unref();
          resolve(null);
        });
      });
      if (!started) return;
      problems.push(started);
    }
    throw new Error(`cannot open a browser (${problems.join('; ')}): open this address yourself: ${url}`);
  };
}
