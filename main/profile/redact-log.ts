/**
 * What a log line may not carry, taken out before it is written: the secrets this computer
 * holds (tokens, passwords, sign-in caches), bearer tokens, e-mail addresses, the paths and
 * queries of web addresses (a private calendar feed's secret is in its path; the host stays, to
 * tell a proxy problem from a server one) and quoted text (an event's title, a post).
 */
export function redactLogText(text: string, known: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is taken out whole.
  for (const secret of [...known].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length))
    out = out.split(secret).join('<secret>');
  return out
    .replace(/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 <secret>')
    .replace(
      /\b((?:access|refresh|id)?_?token|password|secret|code)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi,
      '$1$2<secret>',
    )
    .replace(
      /\b([a-z][a-z0-9+.-]*):\/\/(?:[^\s/@]*@)?([^\s/?#"'<>]+)[^\s"'<>]*/gi,
      (url, scheme: string, host: string) =>
        url.length > scheme.length + 3 + host.length + 1 ? `${scheme}://${host}/…` : url,
    )
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
    .replace(/"[^"\n]{1,300}"|“[^”\n]{1,300}”|«[^»\n]{1,300}»/g, '"…"');
}
