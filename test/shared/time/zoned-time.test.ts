import { describe, expect, it } from 'vitest';
import { isoInstant, parseInstant, utcToWall, wallToUtc } from '../../../shared/time/zoned-time';

const wall = (text: string) => Date.parse(`${text}Z`);

describe('wall time ↔ UTC', () => {
  it('converts both ways around a normal day', () => {
    expect(isoInstant(wallToUtc('Europe/Paris', wall('2026-03-10T09:00:00')))).toBe('2026-03-10T08:00:00Z');
    expect(isoInstant(utcToWall('America/New_York', parseInstant('2026-07-01T12:00:00Z')))).toBe(
      '2026-07-01T08:00:00Z',
    );
  });

  it('reads a time skipped by spring-forward with the offset from before the change', () => {
    expect(isoInstant(wallToUtc('Europe/Paris', wall('2026-03-29T02:30:00')))).toBe('2026-03-29T01:30:00Z');
  });

  it('reads a repeated autumn time as its first occurrence', () => {
    expect(isoInstant(wallToUtc('Europe/Paris', wall('2026-10-25T02:30:00')))).toBe('2026-10-25T00:30:00Z');
  });

  it('handles half-hour zones', () => {
    expect(isoInstant(wallToUtc('Asia/Kolkata', wall('2026-03-10T09:00:00')))).toBe('2026-03-10T03:30:00Z');
  });

  it('rejects an instant without a zone', () => {
    expect(() => parseInstant('2026-03-10T09:00:00')).toThrow('is not an instant like 2026-03-10T08:30:00Z');
  });
});
