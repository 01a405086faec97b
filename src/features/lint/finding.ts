/** A finding: which rule, how bad, what and where, and what to do, in both languages. */

import type { Locale } from '../../platform/i18n/locales.js';
import { lintEn } from '../../platform/i18n/messages/lint.en.js';
import { lintEs } from '../../platform/i18n/messages/lint.es.js';
import type { Extraction } from '../release-text/index.js';
import { normalizeText } from '../release-text/index.js';

export type Severity = 'error' | 'warning' | 'info';
export type Bilingual = Record<Locale, string>;

export interface Finding {
  rule: string;
  severity: Severity;
  message: Bilingual;
  suggestion: Bilingual | null;
  /** 1-based, in the file; null for a stored release's fields. */
  line: number | null;
  column: number | null;
  /** For stored releases: which part ("lead", "quote 2", …) and language. */
  block: string | null;
  excerpt: string;
}

type Messages = typeof lintEn;
type Key = keyof Messages;
type Args<K extends Key> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The same message in every language. */
export function say<K extends Key>(key: K, ...args: Args<K>): Bilingual {
  const pick = (catalog: Messages | typeof lintEs) => {
    const entry = catalog[key] as string | ((...a: Args<K>) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  };
  return { en: pick(lintEn), es: pick(lintEs) };
}

/** Locates text in a file: the raw line a block starts on, and the column where `needle` is in it. */
export class Locator {
  private readonly lines: string[];
  constructor(
    text: string,
    private readonly x: Extraction,
  ) {
    this.lines = normalizeText(text).split('\n');
  }

  at(blockIndex: number | null, needle?: string): Pick<Finding, 'line' | 'column' | 'excerpt' | 'block'> {
    const block = blockIndex === null ? undefined : this.x.blocks[blockIndex];
    if (!block) return { line: null, column: null, excerpt: needle ?? '', block: null };
    const raw = this.lines[block.line - 1] ?? '';
    const found = needle ? raw.indexOf(needle) : -1;
    const column = found >= 0 ? found + 1 : block.column;
    const excerpt = needle ?? (block.text.length > 80 ? `${block.text.slice(0, 77)}…` : block.text);
    return { line: block.line, column, excerpt, block: null };
  }
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule),
  );
}
