import { describe, expect, it } from 'vitest';
import { seoulDate, seoulDayStartUtc, seoulLocalToUtcIso, utcIsoToSeoulLocal } from './time';

describe('Seoul wall-clock ↔ UTC', () => {
  it('sends a Seoul time as the UTC instant nine hours earlier', () => {
    expect(seoulLocalToUtcIso('2026-12-25T08:30')).toBe('2026-12-24T23:30:00.000Z');
    expect(seoulLocalToUtcIso('')).toBeNull();
  });

  it('shows a UTC instant as Seoul wall-clock time', () => {
    expect(utcIsoToSeoulLocal('2026-12-24T23:30:00Z')).toBe('2026-12-25T08:30');
  });

  it('knows Seoul\'s date when UTC is still on the day before', () => {
    expect(seoulDate(0, Date.parse('2026-12-05T20:00:00Z'))).toBe('2026-12-06');
    expect(seoulDayStartUtc('2026-12-06')).toBe('2026-12-05T15:00:00.000Z');
    expect(seoulDayStartUtc('2026-12-06', 1)).toBe('2026-12-06T15:00:00.000Z');
  });
});
