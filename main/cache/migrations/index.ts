import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-latest-post';
import { migration as m003 } from './003-row-revisions';
import { migration as m004 } from './004-typed-commands';
import { migration as m005 } from './005-asks';
import { migration as m006 } from './006-groups';
import { migration as m007 } from './007-stars';
import type { CacheMigration } from './cache-migration';

/**
 * The cache's versions in order, one numbered file each: entry i brings the schema from
 * user_version i to i + 1. Never edit a shipped one; add the next number.
 */
export const cacheMigrations: CacheMigration[] = [m001, m002, m003, m004, m005, m006, m007];
