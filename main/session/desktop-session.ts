import type { IpcResponse } from '../../shared/ipc-contract';
import {
  createCoreApi,
  DesktopCore,
  startBackground,
  systemBrowser,
  type AppServices,
  type CoreHandlers,
  type SecretStore,
} from '../core/index';
import { ipcEventSchemas, type OpenTarget, type SendEvent } from '../../shared/ipc-contract';
import { translate } from '../../shared/i18n/translate';
import { notificationText, summaryText, type NoticeKind } from './notification-text';
import { createQuietNotices, quietReason } from './quiet-notices';

/** Where a notification of each kind takes the person: the post in the feed, the ask in Me. */
const openFor: Record<NoticeKind, OpenTarget> = {
  mention: { view: 'feed' },
  decision: { view: 'feed' },
  ask: { view: 'me' },
  answer: { view: 'me' },
  free: { view: 'board' },
};

export interface SessionOptions {
  profileDir: string;
  secrets?: SecretStore;
  /** The system's locale tag (Electron's app.getLocale()); Node's own (LANG) when not given. */
  systemLocale?: string;
  /** The OS's regional format (Electron's app.getSystemLocale()): the clock and date order. */
  systemRegion?: string;
  info: IpcResponse<'app:info'>;
  /** A system notification, where the front end has them; a click on it opens `open`. */
  notify: (title: string, body: string, open?: OpenTarget) => void;
  /** An event to every open window of the front end. */
  broadcast: SendEvent;
  /** Problems of background work, in words (a log line, a notification). */
  onError?: (message: string) => void;
  publishEveryMs?: number;
  now?: () => number;
  /** Start (or refresh) the demo team when the profile has no team of its own. */
  demo?: boolean;
  /** Opens a sign-in page (Electron's shell.openExternal); $BROWSER or the OS opener otherwise. */
  openBrowser?: (url: string) => Promise<void>;
  /** What only the desktop app can do: open the logs folder, copy, restart to update. */
  app?: AppServices;
}

export interface DesktopSession {
  core: DesktopCore;
  api: CoreHandlers;
  /** A ricochet://join link: kept for the join form, and the windows are told. */
  openJoinLink(link: { server: string; code: string }): void;
  /** Stops background work, closes the hosted team server and the cache; waits for all. */
  shutdown(): Promise<void>;
}

/**
 * The one wiring of the desktop core for a long-running front end (the Electron app, the
 * browser mode): background publishing and sync, the hosted team, notifications, join
 * links and an orderly shutdown. Each front end adds only what is its own.
 */
export async function startDesktopSession(options: SessionOptions): Promise<DesktopSession> {
  const core = new DesktopCore(
    options.profileDir,
    options.secrets,
    options.systemLocale,
    options.systemRegion,
  );
  // Every problem of background work goes to the log file; the front end may also say it.
  const onError = (message: string) => {
    core.log.error(message);
    options.onError?.(message);
  };
  // Every event leaves as the contract says (a wrong payload is a bug here, not in a window).
  const sendEvent: SendEvent = (event, payload) =>
    options.broadcast(event, ipcEventSchemas[event].parse(payload) as typeof payload);
  // The team server (Fastify, Kysely, the PostgreSQL driver) is loaded only by a profile that
  // hosts a team or the demo: most people never host, and it would weigh on them all day.
  const demoTeam = () => import('../host/demo-team');
  const localTeam = () => import('../host/local-team');
  const hosting: (() => Promise<void>)[] = [];
  let demoStop: (() => Promise<void>) | undefined;
  const startDemo = async () => {
    const demo = await (await demoTeam()).startDemoTeam(core, options.now?.());
    demoStop = demo.stop;
    core.commands.startLive();
  };
  const removeDemo = async () => {
    await (await demoTeam()).removeDemoTeam(core, demoStop);
    demoStop = undefined;
  };
  let pendingJoin: { server: string; code: string } | null = null;

  const api = createCoreApi(
    core,
    options.info,
    {
      startTeam: async (input) => {
        const team = await (await localTeam()).startLocalTeam(core, input);
        hosting.push(team.stop);
        return { server: team.server, invite: team.invite, link: team.link, addresses: team.addresses };
      },
      startDemo,
      removeDemo,
      takeJoinLink: () => {
        const link = pendingJoin;
        pendingJoin = null;
        return link;
      },
      openBrowser: options.openBrowser ?? systemBrowser(),
      ...(options.app ? { app: options.app } : {}),
    },
    options.now,
  );

  // System notifications wait while I should not be interrupted, then come as one summary.
  const clock = options.now ?? Date.now;
  const quiet = createQuietNotices<{ kind: NoticeKind; urgent?: boolean; title: string; body: string }>({
    quiet: async () =>
      quietReason((await core.reads.myStatus(clock())).state, core.reads.config.quietInMeetings),
    show: (notice) => options.notify(notice.title, notice.body, openFor[notice.kind]),
    summarise: (counts, reason) => {
      const words = summaryText(core.reads.locale, counts, reason);
      options.notify(words.title, words.body, { view: counts.ask || counts.answer ? 'me' : 'feed' });
    },
  });
  core.on('changed', () => void quiet.check());
  // Notifications off in Settings: neither the system nor the open windows are told.
  const tell = (key: NoticeKind, memberId: string, text?: string, urgent = false) => {
    if (!core.reads.config.notifications) return;
    const name = core.reads.memberName(memberId) ?? '';
    const words = notificationText(core.reads.locale, key, name);
    const title = urgent ? translate(core.reads.locale, 'notify.urgent', { name }) : words.title;
    void quiet.tell({ kind: key, urgent, title, body: text ?? words.body });
    sendEvent('core:notify', { kind: key, memberId, name, ...(text ? { text } : {}) });
  };
  core.on('changed', () => sendEvent('core:changed', undefined));
  core.on('free', (memberId) => tell('free', memberId));
  core.on('mention', (post) =>
    tell(post.kind === 'decision' ? 'decision' : 'mention', post.memberId, post.text),
  );
  core.on('ask', (ask) => tell('ask', ask.from, ask.text, ask.urgent));
  core.on('answer', (ask) => tell('answer', ask.to, ask.answer ?? ''));

  // A demo team is made anew (its sample day follows the clock); a real hosted team resumes.
  if (core.reads.hosting?.demo || (options.demo && !core.reads.me)) {
    if (core.reads.hosting?.demo) await (await demoTeam()).removeDemoTeam(core);
    await startDemo().catch((e: Error) => onError(`the demo team could not start: ${e.message}`));
  } else if (core.reads.hosting) {
    const resumed = await (await localTeam()).resumeLocalTeam(core).catch((e: Error) => {
      onError(`the team this computer hosts could not start: ${e.message}`);
      return undefined;
    });
    if (resumed) hosting.push(resumed);
  }
  const background = startBackground(core, {
    intervalMs: options.publishEveryMs,
    onError: (e) => onError(e.message),
  });

  let closing: Promise<void> | undefined;
  return {
    core,
    api,
    openJoinLink(link) {
      pendingJoin = link;
      sendEvent('core:join-link', link);
    },
    shutdown() {
      closing ??= (async () => {
        background.stop();
        quiet.stop();
        await background.idle();
        await Promise.allSettled(
          [...hosting.splice(0), ...(demoStop ? [demoStop] : [])].map((close) => close()),
        );
        core.close();
      })();
      return closing;
    },
  };
}
