// A write hands the rows it appended to the hub, which sends them without reading them back:
// they must be exactly what was committed, and nothing of an attempt that was rolled back.
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/db/connect';
import { collectAppended } from '../../../server/store/appended-rows';
import { appendChange } from '../../../server/store/change-log';
import { createOrganisation } from '../../../server/store/members';
import { writeTransaction } from '../../../server/store/write-transaction';
import { storageFor } from '../../support/team-server';

describe('rows a write appended', () => {
  it('are the committed ones: an attempt run again after a conflict is not counted twice', async () => {
    const storage = await openStorage(await storageFor('sqlite'));
    try {
      const { team, admin } = await createOrganisation(storage.db, {
        name: 'Acme',
        adminName: 'Ana',
        adminEmail: 'ana@acme.test',
      });
      const status = {
        state: 'focus',
        emoji: null,
        text: 'plan',
        until: null,
        updatedAt: new Date().toISOString(),
      };
      let attempts = 0;
      const { rows } = await collectAppended(() =>
        writeTransaction(storage.db, async (trx) => {
          await appendChange(trx, Date.now(), team.id, 'status', admin.id, admin.id, status);
          // The first attempt loses a conflict after appending: SQLite rolls it back.
          if (++attempts === 1) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        }),
      );
      expect(attempts).toBe(2);
      const stored = await storage.db
        .selectFrom('changes')
        .selectAll()
        .where('team_id', '=', team.id)
        .where('kind', '=', 'status')
        .execute();
      expect(rows).toEqual(stored);
    } finally {
      await storage.close();
    }
  });
});
