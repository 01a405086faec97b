/**
 * What an import would do, computed from what was read and what the database holds, before anything
 * is written: which reviews (statements) and States under review (addressees) exist or are new,
 * which recommendations are new or already there (by their source key), how each theme label maps.
 * The dry run prints it; the commit (commit.ts) writes exactly it.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { slugify } from '../../platform/forms/problems.js';
import { sessionDate } from './sessions.js';
import type { SourceName, SourceRead, SourceRecommendation } from './source-rows.js';

export interface ThemePlan {
  label: string;
  /** mapped: by theme_mappings; matched: a theme of that name exists; new: created by the commit. */
  how: 'mapped' | 'matched' | 'new';
  themeId: number | null;
  slug: string;
}

export interface ReviewPlan {
  slug: string;
  stateName: string;
  country: string;
  session: number;
  cycle: number;
  date: string;
  statementId: number | null;
  addressee: { id: number | null; slug: string; country: string };
  /** The new recommendations, with their source keys, in the file's order. */
  added: { source: SourceRecommendation; key: string }[];
  unchanged: number;
}

export interface ImportPlan {
  read: SourceRead;
  reviews: ReviewPlan[];
  themes: ThemePlan[];
  /** Rows that repeat an earlier row of the same file (same review, States and text): read once. */
  duplicates: { row: number; of: number }[];
  added: number;
  unchanged: number;
}

/**
 * The stable natural key of a recommendation made by others: cycle, State under review, recommending
 * States (codes, or names when unknown; in any order) and the text with its spacing normalized. So
 * the same recommendation read again, from the same file or another export of it, is recognised.
 */
export function sourceKey(r: SourceRecommendation): string {
  const from = r.recommenders.map((x) => x.country ?? x.name.toLowerCase()).sort();
  const text = r.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify(['upr', r.cycle, r.state.country, from, text]))
    .digest('hex');
}

export function reviewSlug(r: Pick<SourceRecommendation, 'session' | 'state'>): string {
  return `upr-${r.session}-${slugify(r.state.name, 40)}`;
}

const normalLabel = (label: string) => label.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export async function planImport(db: Db, read: SourceRead): Promise<ImportPlan> {
  const keys = read.rows.map(sourceKey);
  const stored = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = [...new Set(keys.slice(i, i + 1000))];
    const rows = await db
      .select({ key: t.recommendations.sourceKey })
      .from(t.recommendations)
      .where(inArray(t.recommendations.sourceKey, chunk));
    for (const row of rows) stored.add(row.key as string);
  }

  const slugs = [...new Set(read.rows.map(reviewSlug))];
  const statements =
    slugs.length === 0
      ? []
      : await db
          .select({ id: t.statements.id, slug: t.statements.slug })
          .from(t.statements)
          .where(inArray(t.statements.slug, slugs));
  const statementIds = new Map(statements.map((s) => [s.slug, s.id]));

  const countries = [...new Set(read.rows.map((r) => r.state.country))];
  const governments =
    countries.length === 0
      ? []
      : await db
          .select({ id: t.addressees.id, slug: t.addressees.slug, country: t.addressees.country })
          .from(t.addressees)
          .where(
            and(
              eq(t.addressees.kind, 'government'),
              inArray(t.addressees.country, countries),
              isNull(t.addressees.archivedAt),
            ),
          )
          .orderBy(t.addressees.id);
  const governmentOf = new Map<string, { id: number; slug: string }>();
  for (const g of governments) if (g.country && !governmentOf.has(g.country)) governmentOf.set(g.country, g);

  const reviews = new Map<string, ReviewPlan>();
  const firstRowOf = new Map<string, number>();
  const duplicates: ImportPlan['duplicates'] = [];
  read.rows.forEach((source, k) => {
    const key = keys[k] as string;
    const slug = reviewSlug(source);
    let review = reviews.get(slug);
    if (!review) {
      const government = governmentOf.get(source.state.country);
      review = {
        slug,
        stateName: source.state.name,
        country: source.state.country,
        session: source.session,
        cycle: source.cycle,
        date: sessionDate(source.session),
        statementId: statementIds.get(slug) ?? null,
        addressee: government
          ? { id: government.id, slug: government.slug, country: source.state.country }
          : { id: null, slug: `government-of-${slugify(source.state.name, 40)}`, country: source.state.country },
        added: [],
        unchanged: 0,
      };
      reviews.set(slug, review);
    }
    const first = firstRowOf.get(key);
    if (first !== undefined) duplicates.push({ row: source.row, of: first });
    else if (stored.has(key)) review.unchanged++;
    else review.added.push({ source, key });
    if (first === undefined) firstRowOf.set(key, source.row);
  });

  const themes = await planThemes(db, read.source, read.rows);
  const list = [...reviews.values()];
  return {
    read,
    reviews: list,
    themes,
    duplicates,
    added: list.reduce((n, r) => n + r.added.length, 0),
    unchanged: list.reduce((n, r) => n + r.unchanged, 0),
  };
}

/** Each label of the source: its mapping, else a theme of the same name (either language), else a new theme. */
async function planThemes(db: Db, source: SourceName, rows: SourceRecommendation[]): Promise<ThemePlan[]> {
  const labels = [...new Set(rows.flatMap((r) => r.themes))];
  if (labels.length === 0) return [];
  const mappings = await db
    .select({ label: t.themeMappings.label, themeId: t.themeMappings.themeId, slug: t.themes.slug })
    .from(t.themeMappings)
    .innerJoin(t.themes, eq(t.themes.id, t.themeMappings.themeId))
    .where(eq(t.themeMappings.source, source));
  const mapped = new Map(mappings.map((m) => [m.label, m]));
  const themes = await db.select({ id: t.themes.id, slug: t.themes.slug, label: t.themes.label }).from(t.themes);
  const byName = new Map<string, { id: number; slug: string }>();
  for (const theme of themes) {
    for (const entry of Object.values(theme.label)) if (entry?.text) byName.set(normalLabel(entry.text), theme);
  }
  const taken = new Set(themes.map((theme) => theme.slug));
  return labels.sort().map((label): ThemePlan => {
    const mapping = mapped.get(label);
    if (mapping) return { label, how: 'mapped', themeId: mapping.themeId, slug: mapping.slug };
    const same = byName.get(normalLabel(label));
    if (same) return { label, how: 'matched', themeId: same.id, slug: same.slug };
    const base = slugify(label);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { label, how: 'new', themeId: null, slug };
  });
}
