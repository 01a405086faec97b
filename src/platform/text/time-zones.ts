/**
 * Wall-clock time in an IANA zone ↔ UTC instant, with nothing but Intl. An embargo is typed as the
 * journalists will read it ("3 June 2021, 09:00, America/Guatemala") and stored as one UTC instant.
 */

/** Every zone the runtime knows, for the picker (UTC first: it is not always in the list). */
export function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of `instant` in `timeZone`, as a `datetime-local` value ("2021-06-03T09:00"). */
export function instantToLocal(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function offsetMs(instant: Date, timeZone: string): number {
  const m = LOCAL.exec(instantToLocal(instant, timeZone));
  if (!m) return 0;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time in a zone names. Null when the text is not a time, or when that time
 * does not exist there (the hour skipped when clocks go forward): the editor must pick another.
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(timeZone)) return null;
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(naive)) return null;
  const first = naive - offsetMs(new Date(naive), timeZone);
  const instant = new Date(naive - offsetMs(new Date(first), timeZone));
  return instantToLocal(instant, timeZone) === local ? instant : null;
}
