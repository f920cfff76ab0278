// A focus block from the calendar (Google's focus time) is focus everywhere a person reads it:
// the label, the ask's reply, the meeting count; a meeting over it still wins.
import { describe, expect, it } from 'vitest';
import { askDelivery } from '../../../shared/asks/ask-delivery';
import { mergeSegments } from '../../../shared/availability/segments';
import { statusLabel } from '../../../shared/i18n/status-messages';
import { computeStatus } from '../../../shared/status/status-engine';
import { askArrival } from '../../../main/core/asks-and-decisions';

const t = (hhmm: string) => Date.parse(`2026-03-10T${hhmm}:00Z`); // a Tuesday, UTC
const focus = { start: t('09:00'), end: t('11:00'), kind: 'focus' as const };

describe('a focus block from the calendar', () => {
  it('reads "Focusing until 11:00", in French too, never "In a meeting"', () => {
    const status = computeStatus({ busy: [focus], timezone: 'UTC' }, t('09:30'));
    expect(status.state).toBe('focus');
    expect(statusLabel(status, t('09:30'), 'en', 'UTC')).toBe('Focusing until 11:00');
    expect(statusLabel(status, t('09:30'), 'fr', 'UTC')).toBe('Concentration jusqu’à 11:00');
  });

  it('an ask waits for it and says so: "after their focus time"', () => {
    const delivery = askDelivery({ busy: [focus], timezone: 'UTC' }, t('09:30'));
    expect(delivery).toEqual({ at: t('11:00'), waitsFor: 'focus' });
    expect(askArrival('Kenji', delivery, t('09:30'), 'en', 'UTC')).toBe(
      'Your ask reaches Kenji at 11:00, after their focus time',
    );
  });

  it('a meeting inside it wins for its length; the focus resumes after', () => {
    const merged = mergeSegments([focus, { start: t('10:00'), end: t('10:30'), kind: 'busy' }], {
      from: t('00:00'),
      to: t('23:59'),
    });
    expect(merged.map((s) => s.kind)).toEqual(['focus', 'busy', 'focus']);
    expect(computeStatus({ busy: merged, timezone: 'UTC' }, t('10:10')).state).toBe('busy');
    expect(computeStatus({ busy: merged, timezone: 'UTC' }, t('10:40')).state).toBe('focus');
  });
});
