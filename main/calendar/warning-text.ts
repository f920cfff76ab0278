/**
 * The kind of problem, never a value from the file: a calendar line can carry anything (a name,
 * a place, an escape sequence), and warnings show in Settings and the CLI. A library's message
 * is kept only when it is plain words.
 */
export function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return /^[\w ,()-]+$/.test(message) && message.length <= 80 ? message : 'it cannot be read';
}
