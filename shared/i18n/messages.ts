/**
 * Every string Ricochet shows (windows, tray, notifications, status labels), in English and
 * French: one table per language, in its own file so a translator edits one. A value with
 * plural forms is chosen by Intl.PluralRules from the {n} it is given.
 */
import { en } from './messages-en';
import { fr } from './messages-fr';
import type { Plural } from './plural';

export const messages = { en, fr } as const;

export type MessageKey = keyof typeof en;
export type Message = string | Plural;
