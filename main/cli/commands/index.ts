import type { CliCommand } from '../command';

export interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded only when the command runs: `ricochet --help` imports none of their dependencies. */
  load: () => Promise<CliCommand>;
  /** Runs without the network (nothing of the core is loaded for it). */
  offline?: true;
}

/** Every command of the CLI, in the order `ricochet --help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: 'server',
    summary: 'Run the team server (SQLite by default, PostgreSQL to scale out).',
    load: async () => (await import('./server-command')).serverCommand,
  },
  {
    name: 'admin',
    summary: 'Manage a team server: create a team, invite, list, remove members, rotate tokens.',
    load: async () => (await import('./admin-command')).adminCommand,
  },
  {
    name: 'availability',
    summary: 'Read calendars (ICS files, feeds, CalDAV) and show busy time, free slots and load.',
    load: async () => (await import('./availability-command')).availabilityCommand,
  },
  {
    name: 'login',
    summary:
      "Join a team with an invite, sign in with a code from another of my devices, or with a token (the team creator's).",
    load: async () => (await import('./team-commands')).loginCommand,
  },
  {
    name: 'device',
    summary: 'My devices: a one-time code to add another computer, the list, signing one out.',
    load: async () => (await import('./device-command')).deviceCommand,
  },
  {
    name: 'post',
    summary: 'Post what you are on, or set your status: "/focus 90m Q3 plan", "/away until 14:00", "/clear".',
    load: async () => (await import('./team-commands')).postCommand,
  },
  {
    name: 'asks',
    summary:
      'Asks to me and from me (an ask reaches a teammate when they are next free); answer, snooze, dismiss.',
    load: async () => (await import('./asks-command')).asksCommand,
  },
  {
    name: 'status',
    summary: 'My state right now, as teammates see it.',
    load: async () => (await import('./team-commands')).statusCommand,
  },
  {
    name: 'board',
    summary: 'The team at a glance, from the local cache (refreshed when online).',
    load: async () => (await import('./team-commands')).boardCommand,
  },
  {
    name: 'feed',
    summary: "My teams' posts and the posts that name me, newest first; one team with --team.",
    load: async () => (await import('./feed-command')).feedCommand,
  },
  {
    name: 'star',
    summary: 'Star someone of the organisation: their status reaches you wherever they work.',
    load: async () => (await import('./star-command')).starOn,
  },
  {
    name: 'unstar',
    summary: 'Stop starring someone.',
    load: async () => (await import('./star-command')).starOff,
  },
  {
    name: 'sync',
    summary: 'Send what is queued and catch up with the team server.',
    load: async () => (await import('./team-commands')).syncCommand,
  },
  {
    name: 'calendars',
    summary: 'Add, list or remove the calendars your availability comes from.',
    load: async () => (await import('./calendar-commands')).calendarsCommand,
  },
  {
    name: 'settings',
    summary: 'Show or change my settings: zone, hours, language, role and skills, my calendar addresses.',
    load: async () => (await import('./settings-command')).settingsCommand,
  },
  {
    name: 'publish',
    summary: 'Read my calendars and publish my free/busy if it changed (one run of the publisher).',
    load: async () => (await import('./calendar-commands')).publishCommand,
  },
  {
    name: 'digest',
    summary: 'My day (or week) from my posts and calendars, ready for a standup.',
    load: async () => (await import('./calendar-commands')).digestCommand,
  },
  {
    name: 'web',
    summary: 'Run Ricochet in the browser: the same UI and core, on loopback, with a per-run secret.',
    load: async () => (await import('./web-command')).webCommand,
  },
  {
    name: 'diagnostics',
    summary: 'Print what to send IT when something is wrong (no secrets, addresses or titles).',
    load: async () => (await import('./diagnostics-command')).diagnosticsCommand,
  },
  {
    name: 'version',
    summary: 'Print the version of Ricochet (also: ricochet --version).',
    load: async () => (await import('./version-command')).versionCommand,
    offline: true,
  },
];
