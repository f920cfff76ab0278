import type { Ask, PostData } from '../../shared/protocol/changes';

/** What the core tells its front ends, each with its payload. */
export interface CoreEvents {
  /** Something shown changed: read again. */
  changed: [];
  /** A post naming me arrived live (a decision too: its kind says so). */
  mention: [post: PostData];
  /** An ask reached me. */
  ask: [ask: Ask];
  /** An ask of mine was answered. */
  answer: [ask: Ask];
  /** A teammate I watch became free. */
  free: [memberId: string];
}
