import { describe, expect, it } from 'vitest';
import { instantToLocal, isTimeZone, localToInstant, timeZoneNames } from './time-zones.js';

describe('wall-clock time in a zone ↔ UTC instant', () => {
  it('reads a local time in the zone journalists use', () => {
    expect(localToInstant('2021-06-03T09:00', 'America/Guatemala')?.toISOString()).toBe('2021-06-03T15:00:00.000Z');
    expect(localToInstant('2026-07-01T09:30', 'Europe/Madrid')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(localToInstant('2026-01-01T09:30', 'Europe/Madrid')?.toISOString()).toBe('2026-01-01T08:30:00.000Z');
    expect(localToInstant('2026-11-27T23:45', 'UTC')?.toISOString()).toBe('2026-11-27T23:45:00.000Z');
  });

  it('refuses a time the clocks skip, a non-time and an unknown zone', () => {
    expect(localToInstant('2026-03-08T02:30', 'America/New_York')).toBeNull();
    expect(localToInstant('2026-13-01T09:00', 'UTC')).toBeNull();
    expect(localToInstant('tomorrow', 'UTC')).toBeNull();
    expect(localToInstant('2026-01-01T09:00', 'Mars/Olympus')).toBeNull();
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('goes back to the same wall-clock text for the form', () => {
    const instant = new Date('2021-06-03T15:00:00Z');
    expect(instantToLocal(instant, 'America/Guatemala')).toBe('2021-06-03T09:00');
    expect(localToInstant(instantToLocal(instant, 'Asia/Kolkata'), 'Asia/Kolkata')?.toISOString()).toBe(
      instant.toISOString(),
    );
  });

  it('offers UTC first and the IANA zones', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('America/Guatemala');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
