/**
 * Hidden means idle: a popover or board that is not on screen does no work. The app does not
 * even tell a hidden window that something changed; a page reads afresh each time it is shown,
 * and a clock that would have ticked while hidden catches up then.
 */
export const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** Calls `fn` each time the page is shown; returns how to stop. */
export function onShown(fn: () => void): () => void {
  const onChange = () => {
    if (!pageHidden()) fn();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}
