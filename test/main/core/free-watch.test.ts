import { describe, expect, it, vi } from 'vitest';
import { FreeWatch } from '../../../main/core/free-watch';
import { computeStatus, type PersonState } from '../../../shared/status/status-engine';

describe('notify me when free', () => {
  it('fires once, when the meeting ends, from one timer', () => {
    vi.useFakeTimers();
    try {
      const start = Date.parse('2026-03-10T13:00:00Z');
      vi.setSystemTime(start);
      const ana: PersonState = { busy: [{ start, end: start + 30 * 60_000, kind: 'busy' }] };
      const fired: string[] = [];
      const watch = new FreeWatch(
        (id, now) => (id === 'ana' ? computeStatus(ana, now) : undefined),
        (id) => fired.push(id),
      );
      watch.watch('ana');
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(29 * 60_000);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(2 * 60_000);
      expect(fired).toEqual(['ana']);
      vi.advanceTimersByTime(60 * 60_000);
      expect(fired).toEqual(['ana']);
      expect(watch.watching).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fires at once for someone already free', () => {
    const fired: string[] = [];
    new FreeWatch(
      () => computeStatus({ busy: [] }, Date.now()),
      (id) => fired.push(id),
    ).watch('bob');
    expect(fired).toEqual(['bob']);
  });
});
