/**
 * Statements, recommendations, quotes and press releases in the workspace's "what is missing or out
 * of date per language" view (/{lang}/workspace/translations, features/registry/translations-*.ts).
 */
import { asc, eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import type { TranslationSource } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { type LocalizedText, resolveText } from '../../platform/text/localized-text.js';

const textOr = (value: LocalizedText, fallback: string) => (locale: Locale) =>
  resolveText(value, locale)?.text ?? fallback;

export const editorialTranslationSources: TranslationSource[] = [
  {
    kind: (c) => c.editorialTranslationsKindStatement,
    load: async (db) =>
      (await db.select().from(t.statements).orderBy(asc(t.statements.slug))).map((s) => ({
        name: textOr(s.title, s.slug),
        editPath: `/workspace/statements/${s.slug}`,
        fields: [
          { label: (c) => c.editorialStatementTitle, value: s.title },
          { label: (c) => c.editorialStatementOccasion, value: s.occasion },
          { label: (c) => c.editorialStatementSummary, value: s.summary },
          { label: (c) => c.editorialStatementBody, value: s.body },
        ],
      })),
  },
  {
    kind: (c) => c.editorialTranslationsKindRecommendation,
    load: async (db) =>
      (
        await db
          .select({ r: t.recommendations, slug: t.statements.slug })
          .from(t.recommendations)
          .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
          .orderBy(asc(t.statements.slug), asc(t.recommendations.position))
      ).map(({ r, slug }) => ({
        name: textOr(r.text, r.slug),
        editPath: `/workspace/statements/${slug}/recommendations/${r.id}`,
        fields: [{ label: (c) => c.editorialRecommendationText, value: r.text }],
      })),
  },
  {
    kind: (c) => c.editorialTranslationsKindQuote,
    load: async (db) =>
      (
        await db
          .select({ q: t.quotes, slug: t.statements.slug, person: t.people.name })
          .from(t.quotes)
          .innerJoin(t.statements, eq(t.statements.id, t.quotes.statementId))
          .innerJoin(t.people, eq(t.people.id, t.quotes.personId))
          .orderBy(asc(t.statements.slug), asc(t.quotes.position))
      ).map(({ q, slug, person }) => ({
        name: () => person,
        editPath: `/workspace/statements/${slug}/quotes/${q.id}`,
        fields: [{ label: (c) => c.editorialQuoteText, value: q.text }],
      })),
  },
  {
    kind: (c) => c.editorialTranslationsKindRelease,
    load: async (db) => {
      const [releases, blocks] = await Promise.all([
        db.select().from(t.releases).orderBy(asc(t.releases.slug)),
        db.select().from(t.releaseBlocks).orderBy(asc(t.releaseBlocks.position)),
      ]);
      return releases.map((r) => ({
        name: textOr(r.headline, r.slug),
        editPath: `/workspace/releases/${r.slug}`,
        fields: [
          { label: (c) => c.editorialReleaseHeadline, value: r.headline },
          { label: (c) => c.editorialReleaseSubheadline, value: r.subheadline },
          { label: (c) => c.editorialReleaseDateline, value: r.datelinePlace },
          { label: (c) => c.editorialReleaseLead, value: r.lead },
          ...blocks
            .filter((b) => b.releaseId === r.id)
            .map((b, i) => ({
              label: (c: Catalog) => c.editorialBlockNumber(i + 1, blockKindName(c, b.kind)),
              value: b.text,
            })),
        ],
      }));
    },
  },
];

export function blockKindName(t: Catalog, kind: 'text' | 'quote' | 'highlights'): string {
  return kind === 'quote'
    ? t.editorialBlockQuote
    : kind === 'highlights'
      ? t.editorialBlockHighlights
      : t.editorialBlockText;
}
