import type { CrashReporter, Details, RenderProcessGoneDetails, WebContents } from 'electron';

export interface CrashWatchDeps {
  crashReporter: Pick<CrashReporter, 'start'>;
  app: {
    on(
      event: 'render-process-gone',
      listener: (
        event: unknown,
        contents: Pick<WebContents, 'reload' | 'getURL'>,
        details: RenderProcessGoneDetails,
      ) => void,
    ): unknown;
    on(event: 'child-process-gone', listener: (event: unknown, details: Details) => void): unknown;
  };
  /** The main process: an error nobody caught is logged before the app quits. */
  process: { on(event: 'uncaughtException', listener: (error: Error) => void): unknown };
  /** An admin's crash server (RICOCHET_CRASH_URL); without it, dumps stay on this computer. */
  submitUrl: string | undefined;
  log: (message: string) => void;
  exit: (code: number) => void;
}

/**
 * Crashes leave a trace: minidumps kept locally by Electron's crashReporter (uploaded only where
 * an admin set a URL), a window whose page died is logged and reloaded once (a page that dies
 * again stays down rather than loop), and an uncaught error in main is logged before quitting.
 */
export function watchCrashes(deps: CrashWatchDeps): void {
  deps.crashReporter.start({
    submitURL: deps.submitUrl ?? '',
    uploadToServer: !!deps.submitUrl,
    compress: true,
  });
  const reloaded = new WeakSet<object>();
  deps.app.on('render-process-gone', (_event, contents, details) => {
    deps.log(`a window's page stopped (${details.reason}, exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || reloaded.has(contents)) return;
    reloaded.add(contents);
    contents.reload();
  });
  deps.app.on('child-process-gone', (_event, details) =>
    deps.log(`the ${details.type} process stopped (${details.reason}, exit code ${details.exitCode})`),
  );
  deps.process.on('uncaughtException', (error) => {
    deps.log(`uncaught error, quitting: ${error.stack ?? error.message}`);
    deps.exit(1);
  });
}
