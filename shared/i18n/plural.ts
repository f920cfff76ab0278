/** A message with plural forms, chosen by Intl.PluralRules from the {n} it is given. */
export type Plural = { one: string; other: string };
