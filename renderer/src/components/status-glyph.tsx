import { defaultEmoji } from '../../../shared/quick-post/parse-quick-post';
import type { DisplayState } from '../../../shared/status/status-engine';
import { StateMark } from './state-mark';

/** The glyphs the app itself sets (🎯 for focus…), by the state they stand for. */
const stateOfGlyph = new Map(
  Object.entries(defaultEmoji).flatMap(([state, glyph]) => (glyph ? [[glyph, state as DisplayState]] : [])),
);

/**
 * A status's words. The glyph the app set for its state is left out: it is drawn as the state's
 * icon (the same on every system, where a colour emoji font may be missing); an emoji the person
 * chose is theirs and stays.
 */
export function statusWords(emoji: string | null, text: string | null): string | null {
  return [emoji && stateOfGlyph.has(emoji) ? null : emoji, text].filter(Boolean).join(' ') || null;
}

/** The icon for a glyph the app set, or nothing. */
export function StatusGlyph({ emoji }: { emoji: string | null }) {
  const state = emoji ? stateOfGlyph.get(emoji) : undefined;
  return state ? <StateMark state={state} decorative /> : null;
}
