/**
 * What a feature tells the app about itself: one manifest per feature (its `manifest.ts`, exported
 * from its index.ts). The app registers each manifest's routes and hands every feature what the
 * others contribute (navigation, "needs attention" checks, texts to translate, sections of the
 * statement page), so no feature imports another to be listed, linked or counted.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from './db/client.js';
import type { Catalog } from './i18n/catalog.js';
import type { Locale } from './i18n/locales.js';
import type { UserRow } from './sessions.js';
import type { AuthOptions } from './web/auth.js';
import type { FastifyTypeBox } from './web/fastify-typebox.js';
import type { PageContext, WorkspaceNavEntry } from './web/page-context.js';
import type { SiteDeps } from './web/site-deps.js';

/** Largest upload accepted per kind (PUENTE_LOGO_MAX_BYTES, PUENTE_DOCUMENT_MAX_BYTES). */
export interface UploadLimits {
  logoBytes: number;
  documentBytes: number;
}

export type { WorkspaceNavEntry };

/** Everything a feature's routes receive from buildApp: wired by hand, no container. */
export interface AppDeps extends SiteDeps {
  auth: AuthOptions;
  /** Whether this server sends email (SMTP_URL is set): mail is queued with `enqueueMail` (platform/outbox). */
  sendsMail: boolean;
  uploadLimits: UploadLimits;
  /** Follow-up reminders: months without a status update (PUENTE_FOLLOWUP_STALE_MONTHS). */
  followupStaleMonths: number;
  /** What the features contribute to each other, gathered from every manifest. */
  contributions: Contributions;
}

export interface FeatureManifest {
  /** The feature's folder name under src/features. */
  name: string;
  /** Registers the feature's routes (public and workspace). */
  routes?: (app: FastifyTypeBox, deps: AppDeps) => void;
  /** Its entries in the workspace navigation. */
  nav?: WorkspaceNavEntry[];
  /** Its checks for the workspace home's "needs attention" list. */
  attention?: AttentionProvider;
  /** Its bilingual texts, for the translations page. */
  translationSources?: TranslationSource[];
  /** Sections it adds to a published statement's public page (after the signatories). */
  statementPageSections?: StatementPageSection[];
  /**
   * Where the public reads what it owns (URL patterns after the language prefix, or absolute):
   * every one of them answers through platform/visibility.ts's rule.
   */
  publicChannels?: string[];
}

/** The manifests' contributions, each list in the order the app lists its features. */
export interface Contributions {
  nav: WorkspaceNavEntry[];
  attention: AttentionProvider[];
  translationSources: TranslationSource[];
  statementPageSections: StatementPageSection[];
}

export function gatherContributions(features: readonly FeatureManifest[]): Contributions {
  return {
    nav: features.flatMap((f) => f.nav ?? []).sort((a, b) => a.position - b.position),
    attention: features.flatMap((f) => (f.attention ? [f.attention] : [])),
    translationSources: features.flatMap((f) => f.translationSources ?? []),
    statementPageSections: features.flatMap((f) => f.statementPageSections ?? []),
  };
}

/**
 * A feature's bilingual texts, for the translations page and the home's translation counts. `rows` is
 * SQL selecting one row per translatable field of each item (build it with `translationFieldRows()`
 * from platform/db/translation-fields.ts), so the page counts and pages in the database instead of
 * loading every text.
 */
export interface TranslationSource {
  kind: (t: Catalog) => string;
  rows: SQL;
  /** A text that changes whenever `rows` would (`changeStamp()` of each table they read). */
  changes: SQL;
  /** Every field key `rows` uses (the search box matches their labels). */
  fields: readonly string[];
  /** A field's label; `number` > 0 for a numbered part (a release's third block). */
  label: (t: Catalog, field: string, number: number) => string;
}

/** Extra HTML for a statement's public page, rendered for one statement in the reader's language. */
export type StatementPageSection = (
  deps: SiteDeps,
  ctx: PageContext,
  statementId: number,
) => Promise<JSX.Element | null>;

/** In urgency order: what goes public by itself or is late first, then what blocks others, then upkeep. */
export const ATTENTION_KEYS = [
  'embargoedReleases',
  'overdueCommitments',
  'pendingSignOn',
  'openSignOnCalls',
  'draftReleases',
  'draftStatements',
  'profileGaps',
  'staleRecommendations',
  'missingTranslations',
  'staleTranslations',
  'organizationsWithoutAbout',
  'organizationsWithoutWebsite',
] as const;
export type AttentionKey = (typeof ATTENTION_KEYS)[number];

export type ProfileGap = 'about-en' | 'about-es' | 'website' | 'logo';

/** One thing to fix, named in the page's language; paths are after the language prefix. */
export interface AttentionDetail {
  name: string;
  path: string;
  /** Draft releases: the linter's errors. */
  errors?: number;
  /** Embargoed releases: when they go public, read in the release's own zone. */
  publicAt?: { instant: Date; timeZone: string };
  gap?: ProfileGap;
}

export interface AttentionItem {
  key: AttentionKey;
  count: number;
  /** Where the whole list is fixed. */
  path: string;
  /** The first few, each with its own link. */
  details: AttentionDetail[];
  /** The count is a floor: the underlying list was cut at its limit. */
  atLeast?: boolean;
}

/** How many rows a check names on the home page; the link leads to the rest. */
export const DETAILS_SHOWN = 5;

export interface AttentionOptions {
  now: Date;
  locale: Locale;
  t: Catalog;
  followupStaleMonths: number;
  /** Every feature's translation sources (the translations checks count over all of them). */
  translationSources: TranslationSource[];
}

export type AttentionCheck = () => Promise<Omit<AttentionItem, 'key'> | null>;

/**
 * A feature's checks for this person: only those whose fixing page the person may use (each gated by
 * the policy of that page). Each check is one aggregate read, started only when the home runs it.
 */
export type AttentionProvider = (
  db: Db,
  user: UserRow,
  options: AttentionOptions,
) => Partial<Record<AttentionKey, AttentionCheck>>;
