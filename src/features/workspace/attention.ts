/**
 * The workspace home: what needs someone's attention now, most urgent first. Each check is one
 * aggregate read (or an existing service), gated by the policy of the page that fixes it, so a
 * person sees only what they may act on. The only per-row work is linting a few draft releases.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import {
  canEditRegistry,
  canEditRelease,
  canEditStatement,
  canManageSignOn,
  canRecordFollowup,
  canViewRegistry,
} from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { resolveText, translationState } from '../../platform/text/localized-text.js';
import { logosFor } from '../files/index.js';
import { overdueCommitments, staleRecommendations } from '../followup/index.js';
import { loadRegistry } from '../lint/index.js';
import { translationTodos } from '../registry/index.js';
import { getRelease, lintSource } from '../releases/index.js';
import { listSignOn } from '../signon/index.js';

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

export interface Attention {
  /** Non-empty checks, most urgent first. */
  items: AttentionItem[];
  /** The checks made that found nothing, so "nothing to do" names what was looked at. */
  clear: AttentionKey[];
}

/** How many rows a check names on the home page; the link leads to the rest. */
export const DETAILS_SHOWN = 5;
/** Draft releases linted for the home page (newest first); linting renders both languages. */
const LINTED_DRAFTS = 5;
const REMINDER_LIMIT = 200;

type Check = () => Promise<Omit<AttentionItem, 'key'> | null>;

export interface AttentionOptions {
  now: Date;
  locale: Locale;
  t: Catalog;
  followupStaleMonths: number;
}

export async function workspaceAttention(db: Db, user: UserRow, options: AttentionOptions): Promise<Attention> {
  const checks = checksFor(db, user, options);
  const results = await Promise.all(
    ATTENTION_KEYS.filter((key) => checks[key]).map(async (key) => ({ key, result: await checks[key]!() })),
  );
  const items: AttentionItem[] = [];
  const clear: AttentionKey[] = [];
  for (const { key, result } of results) {
    if (result && result.count > 0) items.push({ key, ...result });
    else clear.push(key);
  }
  return { items, clear };
}

function checksFor(db: Db, user: UserRow, o: AttentionOptions): Partial<Record<AttentionKey, Check>> {
  const name = (value: Parameters<typeof resolveText>[0], fallback: string) =>
    resolveText(value, o.locale)?.text || fallback;
  const checks: Partial<Record<AttentionKey, Check>> = {};

  if (canEditRelease(user)) {
    const releases = releasesToWatch(db, o.now);
    checks.embargoedReleases = async () => {
      const embargoed = (await releases).filter((r) => r.status === 'published');
      return {
        count: embargoed.length,
        path: '/workspace/releases?state=embargoed',
        details: embargoed.slice(0, DETAILS_SHOWN).map((r) => ({
          name: name(r.headline, r.slug),
          path: `/workspace/releases/${r.slug}`,
          publicAt: { instant: r.embargoedUntil!, timeZone: r.timeZone },
        })),
      };
    };
    checks.draftReleases = async () => {
      const drafts = (await releases).filter((r) => r.status === 'draft');
      const errors = await lintErrors(
        db,
        drafts.slice(0, LINTED_DRAFTS).map((r) => r.slug),
        o.now,
      );
      const details = drafts.slice(0, LINTED_DRAFTS).map((r, i) => ({
        name: name(r.headline, r.slug),
        path: `/workspace/releases/${r.slug}`,
        errors: errors[i] ?? 0,
      }));
      // The release with the most errors is the one to open first.
      details.sort((a, b) => b.errors - a.errors);
      return { count: drafts.length, path: '/workspace/releases?state=draft', details };
    };
  }

  if (canEditStatement(user)) {
    checks.draftStatements = async () => {
      const drafts = await db
        .select({ slug: t.statements.slug, title: t.statements.title })
        .from(t.statements)
        .where(eq(t.statements.status, 'draft'))
        .orderBy(desc(t.statements.updatedAt));
      return {
        count: drafts.length,
        path: '/workspace/statements?state=draft',
        details: drafts
          .slice(0, DETAILS_SHOWN)
          .map((s) => ({ name: name(s.title, s.slug), path: `/workspace/statements/${s.slug}` })),
      };
    };
  }

  if (canManageSignOn(user)) {
    checks.pendingSignOn = async () => {
      const waiting = (await listSignOn(db, user)).filter((s) => s.pending > 0);
      return {
        count: waiting.reduce((sum, s) => sum + s.pending, 0),
        path: '/sign-on',
        details: waiting.slice(0, DETAILS_SHOWN).map((s) => ({
          name: name(s.statement.title, s.statement.slug),
          path: `/sign-on/${s.statement.slug}`,
        })),
      };
    };
  }

  if (canRecordFollowup(user)) {
    checks.overdueCommitments = async () => {
      const rows = await overdueCommitments(db, o.now, REMINDER_LIMIT);
      return { count: rows.length, atLeast: rows.length === REMINDER_LIMIT, path: '/workspace/followup', details: [] };
    };
    checks.staleRecommendations = async () => {
      const rows = await staleRecommendations(db, o.now, o.followupStaleMonths, REMINDER_LIMIT);
      return { count: rows.length, atLeast: rows.length === REMINDER_LIMIT, path: '/workspace/followup', details: [] };
    };
  }

  if (canViewRegistry(user)) {
    const todos = translationTodos(db, user, o.t, o.locale, { lang: '', state: '' });
    for (const state of ['missing', 'stale'] as const) {
      checks[state === 'missing' ? 'missingTranslations' : 'staleTranslations'] = async () => ({
        count: (await todos).filter((todo) => todo.state === state).length,
        path: `/workspace/translations?state=${state}`,
        details: [],
      });
    }
  }

  if (canEditRegistry(user)) {
    const organizations = db
      .select({
        slug: t.organizations.slug,
        name: t.organizations.name,
        localizedName: t.organizations.localizedName,
        boilerplate: t.organizations.boilerplate,
        website: t.organizations.website,
      })
      .from(t.organizations)
      .where(isNull(t.organizations.archivedAt))
      .orderBy(t.organizations.name);
    const lacking = (test: (o: Awaited<typeof organizations>[number]) => boolean) => async () => {
      const rows = (await organizations).filter(test);
      return {
        count: rows.length,
        path: '/workspace/organizations',
        details: rows.slice(0, DETAILS_SHOWN).map((r) => ({
          name: name(r.localizedName, r.name),
          path: `/workspace/organizations/${r.slug}/edit`,
        })),
      };
    };
    // No "About" in any language: the translations view lists one language missing, not this.
    checks.organizationsWithoutAbout = lacking((r) =>
      LOCALES.every((l) => translationState(r.boilerplate, l) === 'missing'),
    );
    checks.organizationsWithoutWebsite = lacking((r) => !r.website?.trim());
  }

  if (user.role === 'member' && user.organizationId !== null) {
    checks.profileGaps = () => profileGaps(db, user.organizationId!);
    checks.openSignOnCalls = async () => {
      const open = (await listSignOn(db, user)).filter((s) => s.call?.open && s.ownStatus === null);
      return {
        count: open.length,
        path: '/sign-on',
        details: open.slice(0, DETAILS_SHOWN).map((s) => ({
          name: name(s.statement.title, s.statement.slug),
          path: `/sign-on/${s.statement.slug}`,
        })),
      };
    };
  }
  return checks;
}

/** Drafts, and published releases still under embargo (soonest first): one query for both checks. */
function releasesToWatch(db: Db, now: Date) {
  const r = t.releases;
  return db
    .select({
      slug: r.slug,
      status: r.status,
      headline: r.headline,
      embargoedUntil: r.embargoedUntil,
      timeZone: r.timeZone,
    })
    .from(r)
    .where(
      sql`${r.status} = 'draft' or (${and(eq(r.status, 'published'), gt(r.embargoedUntil, now), isNull(r.withdrawnAt))})`,
    )
    .orderBy(sql`${r.embargoedUntil} asc nulls last`, desc(r.updatedAt));
}

/** Errors (not warnings) per draft, linted as the release page does, against one registry load. */
async function lintErrors(db: Db, slugs: string[], now: Date): Promise<number[]> {
  if (slugs.length === 0) return [];
  const registry = await loadRegistry(db);
  return Promise.all(
    slugs.map(async (slug) => {
      const findings = lintSource(await getRelease(db, slug, now), registry, now);
      return findings.filter((f) => f.severity === 'error').length;
    }),
  );
}

/** A member's own organization: what the public directory and every release would miss. */
async function profileGaps(db: Db, organizationId: number): Promise<Omit<AttentionItem, 'key'>> {
  const [org] = await db.select().from(t.organizations).where(eq(t.organizations.id, organizationId));
  if (!org) return { count: 0, path: '/workspace/my-organization', details: [] };
  const edit = `/workspace/organizations/${org.slug}/edit`;
  const gaps: AttentionDetail[] = [];
  for (const locale of LOCALES) {
    if (translationState(org.boilerplate, locale) === 'missing')
      gaps.push({ name: org.name, path: edit, gap: `about-${locale}` as ProfileGap });
  }
  if (!org.website?.trim()) gaps.push({ name: org.name, path: edit, gap: 'website' });
  if (!(await logosFor(db, [org.id])).has(org.id))
    gaps.push({ name: org.name, path: `/workspace/organizations/${org.slug}/logo`, gap: 'logo' });
  return { count: gaps.length, path: '/workspace/my-organization', details: gaps };
}
