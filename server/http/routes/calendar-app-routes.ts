import { calendarAppsData } from '../../../shared/protocol/responses';
import { calendarApps } from '../../store/calendar-apps';
import { answers } from '../route-docs';
import { me, type RouteKit } from './route-kit';

/** The calendar apps the caller's organisation registered: what "Connect Microsoft 365" and "Connect Google" sign in with. */
export function calendarAppRoutes({ app, context }: RouteKit) {
  const { db } = context.storage;
  app.get(
    '/v1/calendar-apps',
    {
      schema: {
        description: "the organisation's Microsoft 365 and Google apps (client ids), set by an admin",
        response: answers(calendarAppsData, 'the apps, each null until an admin sets it'),
      },
    },
    async (request) => calendarApps(db, me(request).orgId),
  );
}
