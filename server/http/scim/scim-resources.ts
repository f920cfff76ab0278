import { ApiError } from '../../store/api-error';
import type { Member } from '../../store/members';
import { SCIM, scimBoolean, type ScimOperation, type ScimUserBody } from './scim-schemas';

/** A person as SCIM shows them: the email is the userName. */
export function userResource(
  person: { member: Member; active: boolean; externalId: string | null },
  base: string,
) {
  const { member } = person;
  return {
    schemas: [SCIM.user],
    id: member.id,
    ...(person.externalId ? { externalId: person.externalId } : {}),
    userName: member.email,
    displayName: member.name,
    name: { formatted: member.name },
    emails: [{ value: member.email, primary: true, type: 'work' }],
    active: person.active,
    meta: { resourceType: 'User', created: member.createdAt, location: `${base}/scim/v2/Users/${member.id}` },
  };
}

export function groupResource(
  group: {
    id: string;
    name: string;
    externalId: string | null;
    createdAt: string;
    members: { id: string; name: string }[];
  },
  base: string,
) {
  return {
    schemas: [SCIM.group],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.name,
    members: group.members.map((m) => ({ value: m.id, display: m.name })),
    meta: { resourceType: 'Group', created: group.createdAt, location: `${base}/scim/v2/Groups/${group.id}` },
  };
}

/** A page of a list as SCIM asks for it (startIndex from 1; at most 200 at once). */
export const listOf = <T>(
  resources: T[],
  query: { startIndex?: number | undefined; count?: number | undefined },
) => {
  const startIndex = query.startIndex ?? 1;
  const page = resources.slice(startIndex - 1, startIndex - 1 + Math.min(query.count ?? 100, 200));
  return {
    schemas: [SCIM.list],
    totalResults: resources.length,
    startIndex,
    itemsPerPage: page.length,
    Resources: page,
  };
};

/** `userName eq "ana@acme.example"`: the one filter form directories send to match someone. */
export function parseFilter(
  filter: string | undefined,
  attributes: readonly string[],
): Record<string, string> {
  if (!filter) return {};
  const m = /^\s*([\w.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  const attribute = m && attributes.find((a) => a.toLowerCase() === m[1]!.toLowerCase());
  if (!m || !attribute)
    throw new ApiError(
      400,
      'invalidFilter',
      `only ${attributes.map((a) => `${a} eq "…"`).join(' or ')} filters are supported`,
    );
  return { [attribute]: m[2]!.replace(/\\(.)/g, '$1') };
}

const emailLike = /^[^\s@]+@[^\s@]+$/;

/** Name and email from a SCIM user: the display name, else given and family names, else the userName. */
export function personOf(body: ScimUserBody) {
  const email = body.emails?.find((e) => e.primary)?.value ?? body.emails?.[0]?.value ?? body.userName;
  if (!emailLike.test(email))
    throw new ApiError(
      400,
      'invalidValue',
      `a user needs an email: "${email}" is not one (userName or emails)`,
    );
  const full = [body.name?.givenName, body.name?.familyName].filter(Boolean).join(' ');
  const name = body.displayName || body.name?.formatted || full || email.split('@')[0]!;
  return { name, email, externalId: body.externalId };
}

export interface UserChange {
  name?: string;
  given?: string;
  family?: string;
  email?: string;
  externalId?: string;
  active?: boolean;
}

/**
 * What a user PATCH changes. Entra names each attribute in `path` ("active", "name.givenName",
 * `emails[type eq "work"].value`); Okta sends `value` objects without a path. Attributes Ricochet
 * does not keep are ignored, as the RFC allows.
 */
export function userChanges(operations: readonly ScimOperation[]): UserChange {
  const change: UserChange = {};
  const set = (path: string, value: unknown) => {
    const key = path.toLowerCase();
    const str = typeof value === 'string' ? value : Array.isArray(value) ? firstValue(value) : undefined;
    if (key === 'active') change.active = scimBoolean.parse(value);
    else if (key === 'displayname' || key === 'name.formatted') change.name = str;
    else if (key === 'name.givenname') change.given = str;
    else if (key === 'name.familyname') change.family = str;
    else if (key === 'username' || key.startsWith('emails')) change.email = str;
    else if (key === 'externalid') change.externalId = str;
    else if (key === 'name' && value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) set(`name.${k}`, v);
  };
  for (const op of operations) {
    if (op.op === 'remove') continue; // removing a name or an email leaves the person as they are
    if (op.path) set(op.path, op.value);
    else if (op.value && typeof op.value === 'object' && !Array.isArray(op.value))
      for (const [k, v] of Object.entries(op.value)) set(k, v);
  }
  return change;
}

const firstValue = (items: unknown[]) => {
  const first = items[0] as { value?: unknown } | undefined;
  return typeof first?.value === 'string' ? first.value : undefined;
};

/** The name a user change gives, if it gives one. */
export function nameOf(change: UserChange, current: string): string | undefined {
  if (change.name) return change.name;
  if (change.given || change.family) {
    const [given, ...rest] = current.split(' ');
    return [change.given ?? given, change.family ?? rest.join(' ')].filter(Boolean).join(' ');
  }
  return undefined;
}
