import type { UploadLimits } from '../../platform/feature.js';

/** A logo is shown small on every organization card: 1 MiB is plenty for a crisp PNG or an SVG. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { logoBytes: 1024 * 1024, documentBytes: 20 * 1024 * 1024 };

const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  K: 1024,
  KB: 1024,
  KIB: 1024,
  M: 1024 ** 2,
  MB: 1024 ** 2,
  MIB: 1024 ** 2,
};

/** "1048576", "512K", "20MB", "1.5 MiB" → bytes (binary units: 1 MB = 1024 × 1024 bytes); null if unreadable. */
export function parseByteSize(raw: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(raw.trim());
  if (!match) return null;
  const unit = UNITS[match[2]!.toUpperCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes >= 1 ? bytes : null;
}

/** For messages: 1048576 → "1 MB", 2560 → "2.5 KB". */
export function formatByteSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'B'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
