import { z } from 'zod';

/**
 * SCIM 2.0 (RFC 7643/7644) as Entra ID and Okta send it: the subset they use. Directories send
 * more attributes than Ricochet keeps (addresses, phone numbers, their extensions); those are
 * accepted and ignored, so objects are loose where the RFC says a server may ignore attributes.
 */
export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  config: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
} as const;

/** Entra sends booleans as "True"/"False" in PATCH values. */
export const scimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i, 'true or false')
    .transform((v) => v.toLowerCase() === 'true'),
]);

const text = (max: number) => z.string().max(max);
const email = z.looseObject({ value: text(200), primary: scimBoolean.optional(), type: text(40).optional() });

export const scimUserBody = z.looseObject({
  userName: text(200).min(1),
  externalId: text(200).optional(),
  displayName: text(200).optional(),
  name: z
    .looseObject({
      givenName: text(100).optional(),
      familyName: text(100).optional(),
      formatted: text(200).optional(),
    })
    .optional(),
  emails: z.array(email).max(20).optional(),
  active: scimBoolean.optional(),
});
export type ScimUserBody = z.infer<typeof scimUserBody>;

const memberRef = z.looseObject({ value: text(100).min(1), display: text(200).optional() });
export const scimGroupBody = z.looseObject({
  displayName: text(200).min(1),
  externalId: text(200).optional(),
  members: z.array(memberRef).max(5_000).optional(),
});

/** One PATCH operation: its value is JSON whose shape depends on the path (read per path). */
export const scimPatchBody = z.looseObject({
  schemas: z.array(text(200)).max(5).optional(),
  Operations: z
    .array(
      z.looseObject({
        op: z
          .string()
          .transform((op) => op.toLowerCase())
          .pipe(z.enum(['add', 'remove', 'replace'])),
        path: text(300).optional(),
        value: z.json().optional(),
      }),
    )
    .min(1)
    .max(1_000),
});
export type ScimOperation = z.infer<typeof scimPatchBody>['Operations'][number];
export const memberRefs = z.array(memberRef).max(5_000);

export const scimListQuery = z.looseObject({
  filter: text(300).optional(),
  startIndex: z.coerce.number().int().min(1).optional(),
  count: z.coerce.number().int().min(0).optional(),
});
export const scimIdParams = z.object({ id: text(100).min(1) }).strict();

const meta = z.object({ resourceType: z.string(), created: z.string(), location: z.string() });
export const scimUser = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string(),
  displayName: z.string(),
  name: z.object({ formatted: z.string() }),
  emails: z.array(z.object({ value: z.string(), primary: z.boolean(), type: z.string() })),
  active: z.boolean(),
  meta,
});
export const scimGroup = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  displayName: z.string(),
  members: z.array(z.object({ value: z.string(), display: z.string() })),
  meta,
});
export const scimList = <T extends z.ZodType>(resource: T) =>
  z.object({
    schemas: z.array(z.string()),
    totalResults: z.number(),
    startIndex: z.number(),
    itemsPerPage: z.number(),
    Resources: z.array(resource),
  });
export const scimError = z.object({
  schemas: z.array(z.string()),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string(),
});
export const scimServiceConfig = z.looseObject({ schemas: z.array(z.string()) });
