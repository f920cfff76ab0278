/**
 * Text from teammates made safe for a terminal: control characters (escape sequences that
 * retitle the window, move the cursor or write the clipboard), bidi overrides and zero-width
 * characters are removed, so a name or a status prints as what it says.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function terminalText(text: string): string {
  return text.replace(unsafe, '');
}
