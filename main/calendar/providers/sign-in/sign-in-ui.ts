import type { OpenBrowser } from './open-browser';

/** How a sign-in reaches the person: a browser page, or a code to type on another device. */
export type SignInUi =
  | { kind: 'browser'; open: OpenBrowser; timeoutMs?: number }
  | { kind: 'device-code'; show: (message: string) => void };

/** What a finished sign-in leaves: the account's name and what to keep in the keychain. */
export interface SignedIn {
  account: string;
  /** Refresh tokens and the like: kept only in the secret store (the OS keychain in the app). */
  secret: string;
}

/** Five minutes to finish signing in in the browser, then the attempt ends with a clear message. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
