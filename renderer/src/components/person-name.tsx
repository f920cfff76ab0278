/** "Léa Dubois" → "Léa" and " D.": the first name is never cut, the initial may give way. */
export function nameParts(name: string): { first: string; initial: string } {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return { first, initial: last ? ` ${last[0]}.` : '' };
}

/**
 * A person's name in a row: whole where there is room; in the popover, the first name and the
 * initial of the last (the whole name stays for screen readers).
 */
export function PersonName({ name }: { name: string }) {
  const { first, initial } = nameParts(name);
  return (
    <>
      <span className="name-full">{name}</span>
      <span className="name-short" aria-hidden="true">
        <span className="name-first">{first}</span>
        <span className="name-initial">{initial}</span>
      </span>
    </>
  );
}
