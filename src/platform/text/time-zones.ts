/**
 * Wall-clock time in an IANA zone ↔ UTC instant, with nothing but Intl. An embargo is typed as the
 * journalists will read it ("3 June 2021, 09:00, America/Guatemala") and stored as one UTC instant.
 */

/**
 * Zones ICU still lists under a name the IANA database has since replaced (Intl reports "Asia/Calcutta"
 * for Kolkata, and so does a browser's own zone); each is offered, and shown, under its current name.
 */
export const RENAMED_TIME_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone ("Asia/Calcutta" → "Asia/Kolkata"); any other name as it is. */
export function currentTimeZoneName(name: string): string {
  return RENAMED_TIME_ZONES[name] ?? name;
}

/**
 * The zones the coalition works in, offered first (an <optgroup>), in this order; the first is the
 * default of an empty zone field when the browser does not say its own (no JavaScript).
 */
export const COMMON_TIME_ZONES = [
  'America/Guatemala',
  'America/El_Salvador',
  'America/Tegucigalpa',
  'America/Mexico_City',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/Madrid',
  'UTC',
] as const;

export const DEFAULT_TIME_ZONE: string = COMMON_TIME_ZONES[0];

/** Every zone the runtime knows, under its current name, once each, with UTC (not always listed). */
export function timeZoneNames(): string[] {
  const names = new Set(Intl.supportedValuesOf('timeZone').map(currentTimeZoneName));
  names.add('UTC');
  return [...names];
}

export interface TimeZoneOption {
  value: string;
  label: string;
}

/** How a typed zone name is compared: case, spaces for underscores and the ends ignored. */
const zoneKey = (name: string) => name.trim().replace(/\s+/g, '_').toLowerCase();
let knownZones: Map<string, string> | undefined;

/**
 * The zone a typed name means, under its current name ("asia/calcutta" → "Asia/Kolkata"), or null
 * when it names no zone of `Intl.supportedValuesOf('timeZone')` (or UTC): what a zone field accepts.
 * The field is typed (with a short list of suggestions), so case and spaces for underscores are forgiven.
 */
export function resolveTimeZone(typed: string): string | null {
  if (typed.length > 64) return null;
  if (!knownZones) {
    const known = new Map<string, string>();
    for (const zone of Intl.supportedValuesOf('timeZone')) known.set(zoneKey(zone), currentTimeZoneName(zone));
    for (const [old, current] of Object.entries(RENAMED_TIME_ZONES)) {
      known.set(zoneKey(old), current);
      known.set(zoneKey(current), current);
    }
    known.set('utc', 'UTC');
    knownZones = known;
  }
  return knownZones.get(zoneKey(typed)) ?? null;
}

/** A zone name a service accepts: a supported zone under its current name (resolveTimeZone's answer). */
export function isKnownTimeZone(name: string): boolean {
  return resolveTimeZone(name) === name;
}

/**
 * The coalition's zones as the zone field suggests them, in the reader's language: the city, the
 * zone's name as Intl gives it in that language and its offset now ("Madrid — hora de Europa central
 * (UTC+01:00)"). Only these few are listed; any other zone is typed by its name.
 */
export function commonTimeZoneChoices(locale: string, now: Date): TimeZoneOption[] {
  const label = timeZoneLabeller(locale, now);
  return COMMON_TIME_ZONES.map((z) => ({ value: z, label: label(z) }));
}

// Making an Intl.DateTimeFormat is the costly part (some 400 zones): each is made once and kept. A
// zone's generic name does not change with the date; its offset does, and is asked each time.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const genericNames = new Map<string, string>();

function zonePart(locale: string, zone: string, timeZoneName: 'longGeneric' | 'longOffset', now: Date): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName });
  return format.formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function timeZoneLabeller(locale: string, now: Date): (zone: string) => string {
  return (zone) => {
    let offsets = offsetFormats.get(zone);
    if (!offsets) {
      offsets = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      offsetFormats.set(zone, offsets);
    }
    // "GMT-06:00", or "GMT" itself at offset zero.
    const gmt = offsets.formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const offset = `UTC${gmt.replace(/^GMT/, '') || '+00:00'}`;
    if (zone === 'UTC') return `UTC (${offset})`;
    const city = (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
    const key = `${locale} ${zone}`;
    let generic = genericNames.get(key);
    if (generic === undefined) {
      generic = zonePart(locale, zone, 'longGeneric', now);
      // Intl names most zones ("hora estándar central"); for the rest it gives an offset again.
      if (/^GMT|^UTC/.test(generic)) generic = '';
      genericNames.set(key, generic);
    }
    return generic ? `${city} — ${generic} (${offset})` : `${city} (${offset})`;
  };
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
