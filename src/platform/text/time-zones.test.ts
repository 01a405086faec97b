import { describe, expect, it } from 'vitest';
import {
  commonTimeZoneChoices,
  DEFAULT_TIME_ZONE,
  instantToLocal,
  isTimeZone,
  localToInstant,
  RENAMED_TIME_ZONES,
  resolveTimeZone,
  timeZoneNames,
} from './time-zones.js';

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

  it('offers UTC and the IANA zones under their current names, once each', () => {
    const zones = timeZoneNames();
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/Guatemala');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
    // Every current name is one Intl accepts.
    for (const zone of Object.values(RENAMED_TIME_ZONES)) expect(isTimeZone(zone), zone).toBe(true);
  });

  it('suggests the coalition’s zones labelled with the city, the zone’s name in the reader’s language and the offset of now', () => {
    const winter = commonTimeZoneChoices('es', new Date('2026-01-15T12:00:00Z'));
    const summer = commonTimeZoneChoices('es', new Date('2026-07-15T12:00:00Z'));
    const madrid = (c: typeof winter) => c.find((o) => o.value === 'Europe/Madrid')!.label;
    expect(madrid(winter)).toBe('Madrid — hora de Europa central (UTC+01:00)');
    expect(madrid(summer)).toBe('Madrid — hora de Europa central (UTC+02:00)');
    expect(winter[0]!.value).toBe(DEFAULT_TIME_ZONE);
    expect(winter.length).toBeLessThan(15);
  });

  it('reads a typed zone under its current name, forgiving case and spaces, and refuses what Intl does not list', () => {
    expect(resolveTimeZone('America/Guatemala')).toBe('America/Guatemala');
    expect(resolveTimeZone(' america/new york ')).toBe('America/New_York');
    expect(resolveTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(resolveTimeZone('Mars/Olympus')).toBeNull();
    expect(resolveTimeZone('')).toBeNull();
    for (const zone of timeZoneNames()) expect(resolveTimeZone(zone), zone).toBe(zone);
  });
});
