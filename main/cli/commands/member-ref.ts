import { listMembers } from '../../../server/index';
import { UsageError } from '../command';

type Db = Parameters<typeof listMembers>[0];

/** A member id as admins type it: the id, or (with --org) an email or a name of that organisation. */
export async function memberRef(
  db: Db,
  org: string | undefined,
  given: string,
): Promise<{ id: string; name: string }> {
  // An id is taken as it is: the store says "not found" for an unknown one, as before.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given))
    return { id: given, name: given };
  if (!org) throw new UsageError(`--member "${given}": a name or an email needs --org <organisation id>`);
  const wanted = given.trim().toLowerCase();
  const members = await listMembers(db, org);
  const byEmail = members.find((m) => m.email.toLowerCase() === wanted);
  if (byEmail) return byEmail;
  const byName = members.filter((m) => m.name.toLowerCase() === wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new UsageError(
      `--member "${given}" names ${byName.length} people: use an email (${byName.map((m) => m.email).join(', ')})`,
    );
  throw new UsageError(`--member "${given}": no member of this organisation has that name or email`);
}
