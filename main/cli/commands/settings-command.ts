import { settingsPatchShape } from '../../../shared/settings/settings-schema';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { profileFlag, withCore } from './with-core';

const usage = `Usage: ricochet settings [--tz <IANA zone>] [--hours "mon-fri 09:00-18:00"] [--locale en|fr]
       [--clock 12h|24h|region] [--role <what I do>] [--skills a,b,c] [--add-email <address>]… [--remove-email <address>]…
       [--profile <dir>] [--json]
Without options, prints the settings. The same file as the app's Settings: a change here shows
in the open app within moments. --add-email: other addresses my calendars invite me at (my
declined meetings then stop counting as busy).`;

export const settingsCommand: CliCommand = {
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      json: { type: 'boolean' },
      tz: { type: 'string' },
      hours: { type: 'string' },
      locale: { type: 'string' },
      clock: { type: 'string' },
      role: { type: 'string' },
      skills: { type: 'string' },
      'add-email': { type: 'string', multiple: true },
      'remove-email': { type: 'string', multiple: true },
    });
    return withCore(values, io, async (core) => {
      const add = values['add-email'] ?? [];
      const remove = new Set((values['remove-email'] ?? []).map((a) => a.toLowerCase()));
      const changes = {
        ...(values.tz !== undefined ? { tz: values.tz } : {}),
        ...(values.hours !== undefined ? { hours: values.hours } : {}),
        ...(values.locale !== undefined ? { locale: values.locale } : {}),
        // "region": the clock of the terminal's (or the system's) region again.
        ...(values.clock !== undefined ? { clock: values.clock === 'region' ? null : values.clock } : {}),
        ...(values.role !== undefined ? { role: values.role } : {}),
        ...(values.skills !== undefined ? { skills: values.skills.split(',') } : {}),
        ...(add.length || remove.size
          ? {
              me: [...new Set([...core.reads.config.me, ...add])].filter((a) => !remove.has(a.toLowerCase())),
            }
          : {}),
      };
      if (Object.keys(changes).length > 0) {
        try {
          // Checked by the settings schema the app's Settings use (shared/settings).
          const patch = settingsPatchShape.safeParse(changes);
          if (!patch.success) throw new Error(patch.error.issues[0]?.message);
          await core.commands.updateSettings(patch.data);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }
      const c = core.reads.config;
      const shown = {
        tz: c.tz,
        hours: c.hours,
        locale: c.locale ?? null,
        clock: c.clock ?? null,
        role: c.role,
        skills: c.skills,
        joinedAs: core.reads.identity?.member.email ?? null,
        emails: c.me,
      };
      if (values.json) printJson(io, shown);
      else
        io.out(
          [
            `zone      ${shown.tz}`,
            `hours     ${shown.hours}`,
            `language  ${shown.locale ?? 'system'}`,
            `clock     ${shown.clock ?? 'region'}`,
            `role      ${shown.role || '—'}`,
            `skills    ${shown.skills.join(', ') || '—'}`,
            `me        ${[shown.joinedAs, ...shown.emails].filter(Boolean).join(', ') || '—'}`,
            '',
          ].join('\n'),
        );
      return 0;
    });
  },
};
