/**
 * What someone is on, as one line: the newer of their status text and their latest post. A post
 * that begins by addressing someone ("@Kenji can you glance at PR #415?") is a message to that
 * person, not what its author is on. The board's row, its hover text and the CLI's board read
 * it here, so they cannot disagree.
 */
export interface WhatTheyAreOn {
  text: string;
  from: 'status' | 'post';
  /** When it was said (a post's age is shown beside it); null for a status of unknown age. */
  at: number | null;
}

/** "@Name …" at the start: the post speaks to someone. */
const ADDRESSED = /^\s*@[\p{L}\p{N}]/u;

export function addressesSomeone(text: string): boolean {
  return ADDRESSED.test(text);
}

export function whatTheyAreOn(input: {
  /** The status text in force (emoji and text), null when none or expired. */
  status: string | null;
  /** When that status was set. */
  statusAt?: string | null;
  latestPost: { text: string; createdAt: string } | null;
}): WhatTheyAreOn | null {
  const post =
    input.latestPost && !addressesSomeone(input.latestPost.text)
      ? { text: input.latestPost.text, from: 'post' as const, at: Date.parse(input.latestPost.createdAt) }
      : null;
  const statusAt = input.statusAt ? Date.parse(input.statusAt) : null;
  const status = input.status ? { text: input.status, from: 'status' as const, at: statusAt } : null;
  if (!status) return post;
  if (!post) return status;
  // The newer wins; a status of unknown age stands (it is in force now).
  return status.at !== null && post.at > status.at ? post : status;
}
