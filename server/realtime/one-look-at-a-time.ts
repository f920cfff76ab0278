/**
 * A look that many events may ask for (writes announced, requests answered): one runs at a time,
 * and asks that arrive meanwhile make one more run after it, however many they are. Errors are
 * dropped: the next ask looks again.
 */
export function oneLookAtATime(look: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const ask = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void look()
      .catch(() => {})
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          ask();
        }
      });
  };
  return ask;
}
