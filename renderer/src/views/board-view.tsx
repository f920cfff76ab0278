import { useEffect, useMemo, useState } from 'react';
import type { MemberView } from '../../../shared/views';
import { getApi } from '../api';
import { askToNotify } from '../components/notices';
import { MemberRow } from '../components/member-row';
import { VirtualList } from '../components/virtual-list';
import { EmptyState, FieldError, Skeleton } from '../components/placeholders';
import { useLocale, useT } from '../i18n/i18n';
import { liveStatus } from '../status';
import { useCore, useNow } from '../use-core';
import { MemberProfile } from './member-profile';
import { relevance } from '../../../shared/people/who-knows';
import { TeamTimeline } from './team-timeline';
import { ElsewhereList } from './elsewhere-list';

type Sort = 'name' | 'free' | 'load';

export function BoardView({ viewerTz }: { viewerTz: string }) {
  const t = useT();
  const locale = useLocale();
  const { data, error: readError } = useCore('board', (api) => api.boardGet({}));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [freeOnly, setFreeOnly] = useState(false);
  const [open, setOpen] = useState<MemberView | null>(null);
  const [watching, setWatching] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string | null>(null);
  // A watch that fired is over: the button offers it again.
  useEffect(
    () =>
      getApi()?.on('core:notify', (payload) => {
        if (payload.kind === 'free') setWatching((list) => list.filter((id) => id !== payload.memberId));
      }),
    [],
  );
  const members = useMemo(() => data?.members ?? [], [data]);
  const next = useMemo(
    () => Math.min(...members.map((m) => (m.nextChange ? Date.parse(m.nextChange) : Infinity))),
    [members],
  );
  const now = useNow(Number.isFinite(next) ? next : null);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const collator = new Intl.Collator(locale);
    const byName = (a: MemberView, b: MemberView) => collator.compare(a.name, b.name);
    // Each member's state is computed once, and only when needed: by name with no filter, only
    // the rows drawn need it (a first screen of 500 computes about 20).
    const rowOf = (member: MemberView) => {
      let live: ReturnType<typeof liveStatus> | undefined;
      return {
        member,
        get live() {
          return (live ??= liveStatus(member, now, locale, viewerTz));
        },
      };
    };
    const all = members.map(rowOf);
    const matching = all.filter(
      (r) =>
        (!freeOnly || r.live.state === 'free') &&
        (!q ||
          [r.member.name, r.member.jobTitle ?? '', ...r.member.skills, ...r.member.topics].some((s) =>
            s.toLowerCase().includes(q),
          )),
    );
    // "Who knows about…": the best match first (role, then skills, then recent tags), and
    // among equals who can be asked soonest.
    if (q)
      return matching.sort(
        (a, b) =>
          relevance(b.member, q) - relevance(a.member, q) ||
          soonest(a.live, now) - soonest(b.live, now) ||
          byName(a.member, b.member),
      );
    return matching.sort((a, b) =>
      sort === 'free'
        ? Number(b.live.state === 'free') - Number(a.live.state === 'free') || byName(a.member, b.member)
        : sort === 'load'
          ? (b.member.loadWeek ?? 0) - (a.member.loadWeek ?? 0) || byName(a.member, b.member)
          : byName(a.member, b.member),
    );
  }, [members, now, locale, viewerTz, query, sort, freeOnly]);

  const watch = async (id: string) => {
    void askToNotify(); // the permission prompt may wait on the person: the watch does not
    const result = await getApi()?.watchFree({ memberId: id });
    if (result) setWatching(result.watching);
  };

  return (
    <section aria-labelledby="board-title">
      <FieldError id="read-error" message={readError} />
      <h2 id="board-title" className="visually-hidden">
        {t('board.title')}
      </h2>
      {data && data.teams.length > 1 && (
        <label className="team-switch">
          <span>{t('board.team')}</span>{' '}
          <select
            aria-label={t('board.team')}
            value={data.team ?? ''}
            // Saved, so that the board opens on the same team next time; the tray counts all.
            onChange={(e) => void getApi()?.settingsUpdate({ boardTeam: e.target.value || null })}
          >
            <option value="">{t('board.team.all', { count: data.watched })}</option>
            {data.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {t('board.team.one', { name: team.name, count: team.size })}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('board.searchLabel')}
          placeholder={t('board.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          <span className="toolbar-word">{t('board.sort')}</span>{' '}
          <select aria-label={t('board.sort')} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="name">{t('board.sort.name')}</option>
            <option value="free">{t('board.sort.free')}</option>
            <option value="load">{t('board.sort.load')}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            aria-label={t('board.freeOnly')}
            checked={freeOnly}
            onChange={(e) => setFreeOnly(e.target.checked)}
          />{' '}
          <span className="toolbar-word">{t('board.freeOnly')}</span>
          <span className="toolbar-short" aria-hidden="true">
            {t('board.freeOnlyShort')}
          </span>
        </label>
      </div>
      {!data ? (
        <Skeleton label={t('board.loading')} />
      ) : members.length === 0 ? (
        <EmptyState title={t('board.empty')} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('board.noMatch', { q: query })} />
      ) : null}
      <ElsewhereList query={query} />
      <VirtualList
        items={rows}
        rowHeight={40}
        keyOf={(r) => r.member.id}
        label={t('board.title')}
        className="board-scroll"
        listClassName="board"
      >
        {({ member: m, live }, row) => (
          <MemberRow
            key={m.id}
            row={row}
            member={m}
            live={live}
            now={now}
            viewerTz={viewerTz}
            open={expanded === m.id}
            onToggle={() => setExpanded(expanded === m.id ? null : m.id)}
            watching={watching.includes(m.id)}
            onWatch={() => void watch(m.id)}
            onProfile={() => setOpen(m)}
          />
        )}
      </VirtualList>
      {members.length > 0 && (
        <TeamTimeline members={rows.map((r) => r.member)} now={now} viewerTz={viewerTz} />
      )}
      {open && <MemberProfile member={open} now={now} viewerTz={viewerTz} onClose={() => setOpen(null)} />}
    </section>
  );
}

/** When a person can be asked: now if free, else when they are next free (unknown last). */
function soonest(live: { state: string; freeAt: number | null }, now: number): number {
  if (live.state === 'free') return now;
  return live.freeAt ?? Number.MAX_SAFE_INTEGER;
}
