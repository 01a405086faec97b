/**
 * THE LINTER SLOT. The release editor shows these findings beside the text, next to the render gaps.
 * The linter is built on another branch (`lint`); at merge, make this function call it (e.g.
 * `lintRelease(source, locale)` from features/releases/lint.ts) and map its findings to this shape.
 * Until then it finds nothing, and the editor says so.
 */
import type { Locale } from '../../lib/locales.js';
import type { ReleaseSource } from './service.js';

export interface ReleaseFinding {
  /** Which part of the release the finding is about, as the editor names it ("headline", "lead"…). */
  field: string;
  /** Already in the editor's language. */
  message: string;
  severity: 'error' | 'warning';
}

export function releaseFindings(_source: ReleaseSource, _locale: Locale): ReleaseFinding[] {
  return [];
}

/** Whether a linter is wired in: the editor says "no linter yet" rather than "no findings". */
export const LINTER_AVAILABLE = false;
