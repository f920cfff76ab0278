import { appInput, systemBrowser, type DesktopCore } from '../../core/index';
import { printJson, UsageError, type CliIo } from '../command';
import { noCalendarApps } from '../../../shared/protocol/responses';

/** The flags of `ricochet calendars add --microsoft | --google`: every endpoint is one. */
export const connectFlags = {
  microsoft: { type: 'boolean' },
  google: { type: 'boolean' },
  'client-id': { type: 'string' },
  'client-secret-env': { type: 'string' },
  tenant: { type: 'string' },
  authority: { type: 'string' },
  graph: { type: 'string' },
  api: { type: 'string' },
  'auth-url': { type: 'string' },
  'token-url': { type: 'string' },
  'device-url': { type: 'string' },
  'device-code': { type: 'boolean' },
} as const;

type Values = {
  [K in keyof typeof connectFlags]?: (typeof connectFlags)[K]['type'] extends 'boolean' ? boolean : string;
} & {
  name?: string;
  'share-titles'?: boolean;
  'ignore-all-day'?: boolean;
  json?: boolean;
};

/**
 * Signs in to Microsoft 365 or Google in the system browser ($BROWSER first) or with a device
 * code, and adds that calendar. The app's client id comes from the flag, else from what the
 * organisation's admin set on the team server.
 */
export async function connectCalendar(core: DesktopCore, values: Values, io: CliIo): Promise<number> {
  const provider = values.microsoft ? 'microsoft' : 'google';
  const label = provider === 'microsoft' ? 'Microsoft 365' : 'Google';
  const variable = values['client-secret-env'];
  const secretFromEnv = variable ? io.env[variable] : undefined;
  if (variable && !secretFromEnv)
    throw new UsageError(`--client-secret-env names ${variable}, which is not set`);
  // The organisation's app (and its national cloud's endpoints) unless a client id is given.
  const offered = values['client-id']
    ? null
    : appInput(provider, await core.reads.calendarApps().catch(() => noCalendarApps));
  const clientId = values['client-id'] ?? offered?.clientId;
  if (!clientId)
    throw new UsageError(
      `give --client-id: no ${label} app is set for your organisation (an admin sets one with ricochet admin calendar-apps)`,
    );
  const flag = (name: keyof Values, key: string) => (values[name] ? { [key]: values[name] } : {});
  let entry;
  try {
    entry = await core.commands.connectCalendar(
      {
        ...offered,
        provider,
        clientId,
        ...(secretFromEnv ? { clientSecret: secretFromEnv } : {}),
        ...flag('tenant', 'tenant'),
        ...flag('authority', 'authority'),
        ...flag('graph', 'api'),
        ...flag('api', 'api'),
        ...flag('auth-url', 'authUrl'),
        ...flag('token-url', 'tokenUrl'),
        ...flag('device-url', 'deviceUrl'),
        ...flag('name', 'name'),
        shareTitles: !!values['share-titles'],
        ignoreAllDay: !!values['ignore-all-day'],
      },
      values['device-code']
        ? { kind: 'device-code', show: (message) => io.err(`${message}\n`) }
        : {
            kind: 'browser',
            open: async (url) => {
              io.err(`Opening your browser to sign in to ${label}…\n`);
              await systemBrowser(io.env)(url);
            },
          },
    );
  } catch (error) {
    io.err(`ricochet calendars add: ${(error as Error).message}\n`);
    return 1;
  }
  const warning = core.reads
    .calendarState()
    ?.warnings.find((w) => w.source === core.reads.calendarName(entry));
  if (values.json) printJson(io, { ...entry, warning: warning?.message ?? null });
  else {
    io.out(`added ${label} ${entry.user}\n`);
    if (warning) io.err(`warning: ${warning.message}\n`);
  }
  return 0;
}
