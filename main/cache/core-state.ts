import { z } from 'zod';
import type { LocalCache } from './local-cache';

const identity = z.object({
  server: z.string(),
  member: z.object({ id: z.string(), name: z.string(), teamId: z.string(), email: z.string().optional() }),
  team: z.object({ id: z.string(), name: z.string() }),
  /** Signed in with the company's identity provider: the token ends then unless renewed. */
  session: z.object({ expiresAt: z.string(), renewedAt: z.string() }).optional(),
});

/**
 * Every piece of the core's persistent state, each with its schema and its one writer. A
 * value that does not parse (an older build, a hand edit) reads as absent instead of
 * breaking whoever reads it.
 */
const schemas = {
  /** Written by the core's join/log in/leave. */
  identity: identity.nullable(),
  /** Written by the core's hosting command ("start a team on this computer"). */
  hosting: z.object({ host: z.string(), port: z.number().int(), demo: z.boolean().optional() }).nullable(),
  /** Written by the publisher: what was last queued, so unchanged availability is not sent. */
  publishedHash: z.string().nullable(),
  /** Written by the core's profile publication (zone, hours, email). */
  profileHash: z.string().nullable(),
  /** Written by the publisher after each read of the calendars. */
  calendarState: z
    .object({
      at: z.string(),
      events: z.number(),
      perSource: z.record(z.string(), z.number()),
      /** Per failing source, since when it fails (cleared when it reads again). */
      failingSince: z.record(z.string(), z.string()).default({}),
      warnings: z.array(z.object({ source: z.string(), message: z.string() })),
    })
    .nullable(),
};

export type StateKey = keyof typeof schemas;
export type StateValue<K extends StateKey> = z.infer<(typeof schemas)[K]>;
export type Identity = NonNullable<StateValue<'identity'>>;
export type CalendarState = NonNullable<StateValue<'calendarState'>>;

/** The core's typed state, kept in the cache's database (one transaction with the data it describes). */
export class CoreState {
  private readonly claimed = new Set<StateKey>();

  constructor(private readonly cache: LocalCache) {}

  read<K extends StateKey>(key: K): StateValue<K> {
    const text = this.cache.readMeta(`state.${key}`);
    if (text === undefined) return null as StateValue<K>;
    try {
      const parsed = schemas[key].safeParse(JSON.parse(text));
      return (parsed.success ? parsed.data : null) as StateValue<K>;
    } catch {
      return null as StateValue<K>;
    }
  }

  /** The setter of one key, handed to its one owner; a second claim is a programming error. */
  writer<K extends StateKey>(key: K): (value: StateValue<K>) => void {
    if (this.claimed.has(key)) throw new Error(`core state "${key}" already has its writer`);
    this.claimed.add(key);
    return (value) => this.cache.writeMeta(`state.${key}`, JSON.stringify(schemas[key].parse(value)));
  }
}
