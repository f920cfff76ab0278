import type { DisplayState } from '../../../shared/status/status-engine';
import { useT } from '../i18n/i18n';

/** A state as a shape and a colour, so it reads without colour vision too. */
const shapes: Record<DisplayState, string> = {
  free: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z',
  busy: 'M2 2h12v12H2z',
  tentative: 'M8 1l7 7-7 7-7-7z',
  oof: 'M8 1l7 13H1z',
  focus: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  away: 'M8 1a7 7 0 1 1 0 14V1z',
  dnd: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM4 7v2h8V7z',
  off: 'M3 3h10v10H3zm2 2v6h6V5z',
  unknown: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
};

export function StateMark({ state, decorative = false }: { state: DisplayState; decorative?: boolean }) {
  const t = useT();
  return (
    <svg
      className={`mark mark-${state}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': t(`state.${state}`) })}
    >
      <path d={shapes[state]} fillRule="evenodd" />
    </svg>
  );
}

export function LoadBar({
  label,
  value,
  showLabel = true,
}: {
  label: string;
  value: number | null;
  /** Off where the label already stands beside the meter (My day's list). */
  showLabel?: boolean;
}) {
  const percent = value === null ? null : Math.round(value * 100);
  return (
    <div className={`load${showLabel ? '' : ' no-label'}`} title={`${label}: ${percent ?? '–'}%`}>
      {showLabel && <span className="load-label">{label}</span>}
      <span
        className="load-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? 0}
      >
        <span className="load-fill" style={{ width: `${percent ?? 0}%` }} />
      </span>
      <span className="load-value">{percent === null ? '–' : `${percent}%`}</span>
    </div>
  );
}
