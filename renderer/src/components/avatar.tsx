import type { DisplayState } from '../../../shared/status/status-engine';
import { initials } from '../status';
import { StateMark } from './state-mark';

/** Initials in a disc with the state as a badge (shape and colour), as presence UIs show people. */
export function Avatar({
  name,
  state,
  size = 'small',
}: {
  name: string;
  state?: DisplayState;
  size?: 'small' | 'large';
}) {
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      <span className="avatar-initials">{initials(name)}</span>
      {state && (
        <span className={`avatar-badge badge-${state}`}>
          <StateMark state={state} decorative />
        </span>
      )}
    </span>
  );
}
