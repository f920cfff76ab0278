/**
 * A time the store writes or compares, from the clock its caller passes: the server's `now` in
 * every route (tests move it), the real clock by default for admin commands and scripts.
 */
export const isoAt = (now: number) => new Date(now).toISOString();
