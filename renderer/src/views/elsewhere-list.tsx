import type { PersonMatch } from '../../../shared/views';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';
import { useCore } from '../use-core';

/**
 * "Who knows about…" beyond my board: people of the organisation in none of my teams who match,
 * each with a Star button (their status then joins my board, wherever they work).
 */
export function ElsewhereList({ query }: { query: string }) {
  const t = useT();
  const q = query.trim();
  const { data } = useCore(['people', q], (api) =>
    q ? api.peopleSearch({ query: q.slice(0, 80) }) : Promise.resolve({ people: [] as PersonMatch[] }),
  );
  const people = (data?.people ?? []).filter((p) => !p.onBoard);
  if (!q || people.length === 0) return null;
  return (
    <section className="elsewhere" aria-labelledby="elsewhere-title">
      <h3 id="elsewhere-title">{t('board.elsewhere')}</h3>
      <ul aria-labelledby="elsewhere-title">
        {people.map((p) => (
          <li key={p.id} data-testid={`elsewhere-${p.name}`}>
            <span className="member-name">{p.name}</span>{' '}
            <span className="elsewhere-where">
              {[
                p.jobTitle,
                p.teams.length ? t('board.inTeams', { teams: p.teams.join(', ') }) : t('board.noTeam'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>{' '}
            <button type="button" onClick={() => void getApi()?.starSet({ memberId: p.id, on: true })}>
              {t('board.star')}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('board.starHint')}</p>
    </section>
  );
}
