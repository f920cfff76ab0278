import type { StorageConfig } from '../../../server/index';
import type { CliIo } from '../command';

export const storageFlags = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** --database-url (or $RICOCHET_DATABASE_URL) for PostgreSQL, else SQLite under --data. */
export function storageFrom(values: { data?: string; 'database-url'?: string }, io: CliIo): StorageConfig {
  const url = values['database-url'] ?? io.env['RICOCHET_DATABASE_URL'];
  if (url) return { kind: 'postgres', url };
  return { kind: 'sqlite', dataDir: values.data ?? './ricochet-data' };
}
