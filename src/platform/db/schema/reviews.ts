/**
 * Recommendations made by others (issue 17): what a coalition statement's recommendations do not need.
 * The statement (kind `upr_review`, cycle, session) and its recommendations live in core.ts's tables;
 * the State under review is the statement's addressee and each response is a follow-up response
 * (supported → accepted, noted → noted), so every channel reads them as it reads the coalition's.
 */
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, requiredRef, timestamps, version } from './columns.js';
import { recommendations, themes } from './core.js';

/**
 * The States that made a recommendation ("(France) (Lithuania)"), in the source's order. Not addressees
 * (they receive recommendations) nor organizations (the coalition's directory): a name as the source
 * writes it and its ISO 3166-1 alpha-2 code when it is a State we know, which the filters use.
 */
export const recommendationRecommenders = pgTable(
  'recommendation_recommenders',
  {
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    country: text('country'),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.position] }),
    index('recommendation_recommenders_country_idx').on(t.country, t.recommendationId),
  ],
);

/** A coalition recommendation echoes UPR (or treaty body…) recommendations: shown on both pages. */
export const recommendationLinks = pgTable(
  'recommendation_links',
  {
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    echoesId: requiredRef('echoes_id', () => recommendations.id, 'cascade'),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.echoesId] }),
    index('recommendation_links_echoes_idx').on(t.echoesId),
  ],
);

/**
 * How a source's theme label maps to a coalition theme ("upr-info", "Death penalty" → death-penalty).
 * Importers read it first; a label without a row is proposed in the dry run and created (theme and
 * row) by the commit, so editors review the mapping afterwards instead of before every import.
 */
export const themeMappings = pgTable(
  'theme_mappings',
  {
    id: id(),
    source: text('source').notNull(),
    label: text('label').notNull(),
    themeId: requiredRef('theme_id', () => themes.id, 'restrict'),
    // Editors change a mapping in the workspace (registry/theme-mapping-service.ts): a stale form is a conflict.
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('theme_mappings_source_label_key').on(t.source, t.label),
    index('theme_mappings_theme_idx').on(t.themeId),
  ],
);

/**
 * The theme labels an imported recommendation carried in its source, as read: what a mapping's
 * change re-themes (registry/theme-mapping-service.ts). recommendation_themes holds the themes the
 * labels mapped to, where two labels may have met in one theme; this keeps which label put it there.
 */
export const recommendationSourceThemes = pgTable(
  'recommendation_source_themes',
  {
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    source: text('source').notNull(),
    label: text('label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.source, t.label] }),
    index('recommendation_source_themes_label_idx').on(t.source, t.label),
  ],
);
