/**
 * Scoring an extraction against what a careful person extracted (the corpus's `*.expected.json`), field by
 * field. Every non-null expected value is something to find; every non-null value we give is a claim.
 *   true positive: a claim equal to the expected value (after `normalizeForScore`);
 *   false positive: a claim that is wrong or not expected;  false negative: an expected value we missed.
 * Both null is correct and counts for nothing (no field is rewarded for staying silent).
 * List fields (organizations, recommendations) match items one to one; records (contacts, quotes,
 * boilerplates) are paired by their key (name, speaker, organization) and then scored per sub-field.
 * Quotes and recommendations compare their first eight words, as the corpus records them.
 */
import type { ImportedRelease } from '../release-text/index.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type FieldCounts = Record<string, Counts>;

export function normalizeForScore(value: string): string {
  return normalizeWords(value).replace(/^(?:the|el|la) /, '');
}

function normalizeWords(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\d'#@.+]+/gu, ' ')
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const firstWords = (text: string, n = 8) =>
  normalizeWords(text)
    .split(' ')
    .slice(0, n)
    .join(' ')
    .replace(/[.\s]+$/, '');
const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
const site = (url: string) =>
  normalizeForScore(url)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');

export function add(counts: FieldCounts, field: string, c: Partial<Counts>): void {
  const f = counts[field] ?? { tp: 0, fp: 0, fn: 0 };
  counts[field] = f;
  f.tp += c.tp ?? 0;
  f.fp += c.fp ?? 0;
  f.fn += c.fn ?? 0;
}

function scalar(
  counts: FieldCounts,
  field: string,
  got: string | null,
  want: string | null,
  norm = normalizeForScore,
): void {
  const g = got === null || got === '' ? null : norm(got);
  const w = want === null || want === '' ? null : norm(want);
  if (g === null && w === null) add(counts, field, {});
  else if (g !== null && w !== null && g === w) add(counts, field, { tp: 1 });
  else add(counts, field, { fp: g === null ? 0 : 1, fn: w === null ? 0 : 1 });
}

function items(counts: FieldCounts, field: string, got: string[], want: string[], norm: (s: string) => string): void {
  const left = want.map(norm);
  let tp = 0;
  for (const g of got.map(norm)) {
    const k = left.indexOf(g);
    if (k >= 0) {
      tp++;
      left.splice(k, 1);
    }
  }
  add(counts, field, { tp, fp: got.length - tp, fn: left.length });
}

type Rec = Record<string, string | null | undefined>;

function records(
  counts: FieldCounts,
  field: string,
  got: Rec[],
  want: Rec[],
  key: string,
  subs: Record<string, (s: string) => string>,
): void {
  const unmatched = [...want];
  for (const g of got) {
    const k = unmatched.findIndex((w) => w[key] && g[key] && normalizeForScore(w[key]) === normalizeForScore(g[key]));
    const w = k >= 0 ? unmatched.splice(k, 1)[0] : undefined;
    for (const [sub, norm] of Object.entries(subs))
      scalar(counts, `${field}.${sub}`, g[sub] ?? null, w?.[sub] ?? null, norm);
  }
  for (const w of unmatched)
    for (const [sub, norm] of Object.entries(subs)) scalar(counts, `${field}.${sub}`, null, w[sub] ?? null, norm);
}

export interface Expected {
  headline?: string | null;
  date?: string | null;
  dateline_place?: string | null;
  release_line?: string | null;
  contacts?: Rec[];
  organizations?: string[];
  quotes?: Rec[];
  recommendations?: string[];
  boilerplates?: Rec[];
  end_mark?: string | null;
}

export function scoreRelease(got: ImportedRelease, want: Expected, counts: FieldCounts = {}): FieldCounts {
  scalar(counts, 'headline', got.headline, want.headline ?? null);
  scalar(counts, 'date', got.date, want.date ?? null);
  scalar(counts, 'dateline_place', got.dateline_place, want.dateline_place ?? null);
  scalar(counts, 'release_line', got.release_line, want.release_line ?? null);
  scalar(counts, 'end_mark', got.end_mark, want.end_mark ?? null);
  records(counts, 'contacts', got.contacts, want.contacts ?? [], 'name', {
    name: normalizeForScore,
    phone: digits,
    email: normalizeForScore,
    organization: normalizeForScore,
  });
  items(counts, 'organizations', got.organizations, want.organizations ?? [], normalizeForScore);
  const quotes = got.quotes.map((q) => ({ ...q, text_start: q.text }));
  records(counts, 'quotes', quotes, want.quotes ?? [], 'speaker', {
    speaker: normalizeForScore,
    role_or_org: normalizeForScore,
    text_start: (s) => firstWords(s),
  });
  items(counts, 'recommendations', got.recommendations, want.recommendations ?? [], (s) => firstWords(s));
  records(counts, 'boilerplates', got.boilerplates, want.boilerplates ?? [], 'organization', {
    organization: normalizeForScore,
    website: site,
  });
  return counts;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function total(counts: FieldCounts): Counts {
  return Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
}
