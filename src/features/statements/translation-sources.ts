/**
 * Statements, recommendations, quotes and press releases in the workspace's "what is missing or out
 * of date per language" view (/{lang}/workspace/translations, features/registry/translations-*.ts):
 * one SQL row per translatable field (platform/db/translation-fields.ts).
 */
import { sql } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { changeStamp, translationFieldRows } from '../../platform/db/translation-fields.js';
import type { TranslationSource } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';

const labels =
  (byKey: Record<string, (c: Catalog) => string>) =>
  (c: Catalog, field: string): string =>
    byKey[field]?.(c) ?? field;

const BLOCK_KINDS = ['text', 'quote', 'highlights'] as const;
type BlockKind = (typeof BLOCK_KINDS)[number];
const releaseLabels = labels({
  headline: (c) => c.editorialReleaseHeadline,
  subheadline: (c) => c.editorialReleaseSubheadline,
  dateline: (c) => c.editorialReleaseDateline,
  lead: (c) => c.editorialReleaseLead,
});

export const editorialTranslationSources: TranslationSource[] = [
  {
    kind: (c) => c.editorialTranslationsKindStatement,
    changes: sql`${changeStamp(sql`${t.statements}`, t.statements.updatedAt)}`,
    fields: ['title', 'occasion', 'summary', 'body'],
    label: labels({
      title: (c) => c.editorialStatementTitle,
      occasion: (c) => c.editorialStatementOccasion,
      summary: (c) => c.editorialStatementSummary,
      body: (c) => c.editorialStatementBody,
    }),
    rows: translationFieldRows({
      from: sql`${t.statements}`,
      id: t.statements.id,
      sort: t.statements.slug,
      name: t.statements.title,
      fallback: t.statements.slug,
      editPath: sql`'/workspace/statements/' || ${t.statements.slug}`,
      fields: [
        { key: 'title', value: t.statements.title },
        { key: 'occasion', value: t.statements.occasion },
        { key: 'summary', value: t.statements.summary },
        { key: 'body', value: t.statements.body },
      ],
    }),
  },
  {
    kind: (c) => c.editorialTranslationsKindRecommendation,
    changes: sql`${changeStamp(sql`${t.recommendations}`, t.recommendations.updatedAt)} || ${changeStamp(sql`${t.statements}`, t.statements.updatedAt)}`,
    fields: ['text'],
    label: labels({ text: (c) => c.editorialRecommendationText }),
    rows: translationFieldRows({
      from: sql`${t.recommendations} join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}`,
      id: t.recommendations.id,
      // In its statement's order: the statement's slug, then the position (padded so text order is number order).
      sort: sql`${t.statements.slug} || '/' || lpad(${t.recommendations.position}::text, 8, '0')`,
      name: t.recommendations.text,
      fallback: t.recommendations.slug,
      editPath: sql`'/workspace/statements/' || ${t.statements.slug} || '/recommendations/' || ${t.recommendations.id}`,
      fields: [{ key: 'text', value: t.recommendations.text }],
    }),
  },
  {
    kind: (c) => c.editorialTranslationsKindQuote,
    changes: sql`${changeStamp(sql`${t.quotes}`, t.quotes.updatedAt)} || ${changeStamp(sql`${t.statements}`, t.statements.updatedAt)} || ${changeStamp(sql`${t.people}`, t.people.updatedAt)}`,
    fields: ['text'],
    label: labels({ text: (c) => c.editorialQuoteText }),
    rows: translationFieldRows({
      from: sql`${t.quotes} join ${t.statements} on ${t.statements.id} = ${t.quotes.statementId}
        join ${t.people} on ${t.people.id} = ${t.quotes.personId}`,
      id: t.quotes.id,
      sort: sql`${t.statements.slug} || '/' || lpad(${t.quotes.position}::text, 8, '0')`,
      own: t.people.name,
      fallback: sql`''`,
      editPath: sql`'/workspace/statements/' || ${t.statements.slug} || '/quotes/' || ${t.quotes.id}`,
      fields: [{ key: 'text', value: t.quotes.text }],
    }),
  },
  {
    kind: (c) => c.editorialTranslationsKindRelease,
    changes: sql`${changeStamp(sql`${t.releases}`, t.releases.updatedAt)} || ${changeStamp(sql`${t.releaseBlocks}`)}`,
    fields: ['headline', 'subheadline', 'dateline', 'lead', ...BLOCK_KINDS],
    label: (c, field, number) =>
      number > 0 ? c.editorialBlockNumber(number, blockKindName(c, field as BlockKind)) : releaseLabels(c, field),
    // The release's own fields, then its blocks, numbered in order from 1 (after the four fields).
    rows: sql`${translationFieldRows({
      from: sql`${t.releases}`,
      id: t.releases.id,
      sort: t.releases.slug,
      name: t.releases.headline,
      fallback: t.releases.slug,
      editPath: sql`'/workspace/releases/' || ${t.releases.slug}`,
      fields: [
        { key: 'headline', value: t.releases.headline },
        { key: 'subheadline', value: t.releases.subheadline },
        { key: 'dateline', value: t.releases.datelinePlace },
        { key: 'lead', value: t.releases.lead },
      ],
    })} union all
      select ${t.releases.id}::int, ${t.releases.slug}::text, ${t.releases.headline}::jsonb, ''::text, ${t.releases.slug}::text,
        ('/workspace/releases/' || ${t.releases.slug})::text, ${t.releaseBlocks.kind}::text,
        (10 + row_number() over (partition by ${t.releaseBlocks.releaseId} order by ${t.releaseBlocks.position}, ${t.releaseBlocks.id}))::int,
        (row_number() over (partition by ${t.releaseBlocks.releaseId} order by ${t.releaseBlocks.position}, ${t.releaseBlocks.id}))::int,
        ${t.releaseBlocks.text}::jsonb
      from ${t.releaseBlocks} join ${t.releases} on ${t.releases.id} = ${t.releaseBlocks.releaseId}`,
  },
];

export function blockKindName(t: Catalog, kind: 'text' | 'quote' | 'highlights'): string {
  return kind === 'quote'
    ? t.editorialBlockQuote
    : kind === 'highlights'
      ? t.editorialBlockHighlights
      : t.editorialBlockText;
}
